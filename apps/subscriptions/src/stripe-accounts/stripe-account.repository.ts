import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StripeAccount } from './stripe-account.entity';

/** The only code that reads and writes agencies' Stripe credentials (sealed). */
@Injectable()
export class StripeAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the agency's credentials, replacing those it had. */
  save(tx: EntityManager, account: Omit<StripeAccount, 'updatedAt'>): Promise<StripeAccount> {
    const repo = tx.getRepository(StripeAccount);
    return repo.save(repo.create(account));
  }

  findOfTenant(tenantId: string): Promise<StripeAccount | null> {
    return this.dataSource.getRepository(StripeAccount).findOne({ where: { tenantId } });
  }
}
