import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Checkout } from './checkout.entity';

/** The only code that reads and writes checkouts. */
@Injectable()
export class CheckoutRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(checkout: Omit<Checkout, 'createdAt'>): Promise<void> {
    await this.dataSource.getRepository(Checkout).insert(checkout);
  }

  async markCompleted(tx: EntityManager, tenantId: string, providerCheckoutId: string, at: Date): Promise<void> {
    await tx.getRepository(Checkout).update({ tenantId, providerCheckoutId }, { completedAt: at });
  }
}
