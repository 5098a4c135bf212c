import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Account } from './account.entity';

@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllOfTenantByCode(tenantId: string): Promise<Account[]> {
    return this.dataSource.getRepository(Account).find({ where: { tenantId }, order: { code: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOne({ where: { tenantId, id } });
  }

  async insertAll(tx: EntityManager, accounts: Partial<Account>[]): Promise<void> {
    await tx.getRepository(Account).insert(accounts);
  }
}
