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

  /** Every agency's account (one row per agency). */
  findAll(): Promise<StripeAccount[]> {
    return this.dataSource.getRepository(StripeAccount).find({ order: { tenantId: 'ASC' } });
  }

  /** Stores the same credentials sealed again, unless the row changed since `account` was read; true when stored. */
  async replaceSealedIfUnchanged(
    account: StripeAccount,
    sealed: Pick<StripeAccount, 'secretKeySealed' | 'webhookSecretSealed'>,
  ): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(StripeAccount)
      // Same credentials: `updated_at` keeps saying when they were configured.
      .set({ ...sealed, updatedAt: () => 'updated_at' })
      .where('tenant_id = :tenantId AND secret_key_sealed = :secretKey AND webhook_secret_sealed = :webhookSecret', {
        tenantId: account.tenantId,
        secretKey: account.secretKeySealed,
        webhookSecret: account.webhookSecretSealed,
      })
      .execute();
    return result.affected === 1;
  }
}
