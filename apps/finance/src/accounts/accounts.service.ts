import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { AccountView } from '@libs/contracts';
import { Account } from './account.entity';
import { AccountRepository } from './account.repository';
import { defaultAccountsFor } from './default-accounts';

@Injectable()
export class AccountsService {
  constructor(private readonly accounts: AccountRepository) {}

  async list(tenantId: string): Promise<AccountView[]> {
    return (await this.accounts.findAllOfTenantByCode(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<AccountView> {
    const account = await this.accounts.findOneOfTenant(tenantId, id);
    if (!account) throw new NotFoundError('account', id);
    return toView(account);
  }

  provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    return this.accounts.insertAll(tx, defaultAccountsFor(tenantId));
  }
}

function toView(account: Account): AccountView {
  const { id, code, name, type, system } = account;
  return { id, code, name, type, system };
}
