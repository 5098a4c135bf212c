import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { OrderServingChanged } from '@libs/contracts';
import { OrderServingRepository } from './order-serving.repository';

/**
 * Publishes what orders serve, in the transaction that changed them: every instance's ad
 * decisions follow these events (advertising reads its own stream), so a change reaches pages
 * without a restart and without a database read per request.
 */
@Injectable()
export class OrderServingPublisher {
  constructor(
    private readonly serving: OrderServingRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async ordersChanged(tx: EntityManager, tenantId: string, orderIds: string[]): Promise<void> {
    const orders = await this.serving.bumpAndRead(tx, tenantId, orderIds);
    if (orders.length === 0) return;
    await this.outbox.addAll(
      tx,
      OrderServingChanged,
      orders.map(({ tenantId: tenant, data }) => ({ tenantId: tenant, subject: data.orderId, data })),
    );
  }

  /** A creative attached to these lines changed (reviewed, edited, attached). */
  async linesChanged(tx: EntityManager, tenantId: string, lineIds: string[]): Promise<void> {
    await this.ordersChanged(tx, tenantId, await this.serving.ordersOfLines(tx, tenantId, lineIds));
  }
}
