import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, Caller, ConflictError, NotFoundError } from '@libs/common';
import { LineDeliveryChanges, OrderStatus, OrderView } from '@libs/contracts';
import { OrderServingPublisher } from '../serving/order-serving.publisher';
import { orderViewOf } from './order-view';
import { OrderRepository } from './order.repository';
import { scopeOf } from './orders.service';

/** Orders whose lines ad ops may still tune: until their flight is over or they are withdrawn. */
const CHANGEABLE: ReadonlySet<OrderStatus> = new Set(['draft', 'submitted', 'approved', 'live']);

/** How ad ops deliver a line: priority, frequency cap, pacing and targeting. */
@Injectable()
export class OrderLinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly serving: OrderServingPublisher,
    private readonly audit: AuditTrail,
  ) {}

  /** Changes one line's delivery, publishing what the order serves now in the same transaction. */
  update(caller: Caller, orderId: string, lineId: string, changes: LineDeliveryChanges): Promise<OrderView> {
    return this.dataSource.transaction(async (tx) => {
      const order = await this.orders.findForChange(tx, scopeOf(caller), orderId);
      if (!order) throw new NotFoundError('order', orderId);
      const lines = await this.orders.linesOf([order.id], tx);
      const line = lines.find((l) => l.id === lineId);
      if (!line) throw new NotFoundError('order line', lineId);
      if (!CHANGEABLE.has(order.status)) throw new ConflictError(`a ${order.status} order's lines no longer change`);
      const before = orderViewOf(order, [line]).lines[0];
      if (changes.priority !== undefined) line.priority = changes.priority;
      if (changes.frequencyCap !== undefined)
        line.frequencyCap = changes.frequencyCap && {
          impressions: changes.frequencyCap.impressions,
          hours: changes.frequencyCap.hours,
        };
      if (changes.pacing !== undefined) line.pacing = changes.pacing;
      if (changes.targeting !== undefined) line.targeting = changes.targeting;
      await this.orders.saveLine(tx, line);
      await this.serving.ordersChanged(tx, order.tenantId, [order.id]);
      const view = orderViewOf(order, lines);
      await this.audit.record(tx, {
        tenantId: order.tenantId,
        action: 'order-line.changed',
        targetType: 'order-line',
        targetId: line.id,
        before,
        after: view.lines.find((l) => l.id === lineId),
      });
      return view;
    });
  }
}
