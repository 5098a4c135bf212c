import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StripeAccount } from './stripe-account.entity';

/** The Stripe accounts held here before payments owned Stripe, until each is handed over. */
@Injectable()
export class StripeAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every agency's account (one row per agency). */
  findAll(): Promise<StripeAccount[]> {
    return this.dataSource.getRepository(StripeAccount).find({ order: { tenantId: 'ASC' } });
  }

  /** Forgets the agency's account once payments holds it. */
  async delete(tenantId: string): Promise<void> {
    await this.dataSource.getRepository(StripeAccount).delete({ tenantId });
  }
}
