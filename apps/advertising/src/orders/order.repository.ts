import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import type { OrderStatus } from '@libs/contracts';
import { OrderLineDay } from './order-line-day.entity';
import { OrderLine } from './order-line.entity';
import { Order } from './order.entity';

/** Limits a read to the caller's orders: every order of the agency, or only one advertiser's. */
export interface OrderScope {
  tenantId: string;
  advertiserId: string | null;
}

@Injectable()
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(
    tx: EntityManager,
    order: Omit<Order, 'id' | 'createdAt' | 'updatedAt'>,
    lines: (Omit<OrderLine, 'id' | 'orderId' | 'tenantId'> & { days: { day: string; impressions: number }[] })[],
  ): Promise<{ order: Order; lines: OrderLine[] }> {
    const saved = await tx.getRepository(Order).save(tx.getRepository(Order).create(order));
    const savedLines: OrderLine[] = [];
    for (const { days, ...line } of lines) {
      const savedLine = await tx
        .getRepository(OrderLine)
        .save(tx.getRepository(OrderLine).create({ ...line, orderId: saved.id, tenantId: order.tenantId }));
      savedLines.push(savedLine);
      await tx.getRepository(OrderLineDay).insert(
        days.map(({ day, impressions }) => ({
          lineId: savedLine.id,
          day,
          tenantId: order.tenantId,
          orderId: saved.id,
          adUnitId: line.adUnitId,
          impressions,
        })),
      );
    }
    return { order: saved, lines: savedLines };
  }

  findOne(scope: OrderScope, id: string): Promise<Order | null> {
    return this.dataSource.getRepository(Order).findOne({ where: whereOf(scope, { id }) });
  }

  /** The order, locked for a change of status. */
  findForChange(tx: EntityManager, scope: OrderScope, id: string): Promise<Order | null> {
    return tx.getRepository(Order).findOne({ where: whereOf(scope, { id }), lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first, at most 100. */
  findMany(scope: OrderScope, status: OrderStatus | undefined, advertiserId: string | undefined): Promise<Order[]> {
    return this.dataSource.getRepository(Order).find({
      where: whereOf(scope, {
        ...(status ? { status } : {}),
        ...(advertiserId && scope.advertiserId === null ? { advertiserId } : {}),
      }),
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
  }

  linesOf(orderIds: string[], manager: EntityManager = this.dataSource.manager): Promise<OrderLine[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(OrderLine).find({ where: { orderId: In(orderIds) }, order: { position: 'ASC' } });
  }

  saveLine(tx: EntityManager, line: OrderLine): Promise<OrderLine> {
    return tx.getRepository(OrderLine).save(line);
  }

  async save(tx: EntityManager, order: Order): Promise<Order> {
    return tx.getRepository(Order).save(order);
  }

  /**
   * Orders the clock moves on, locked and skipped by other instances sweeping at once: holds
   * expired unapproved, prepaid orders unpaid at their pay-by (lapse), approved flights begun
   * (a prepaid one only once paid), live flights ended (by the agency's today, which each tenant
   * row gives).
   */
  async claimDue(
    tx: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ id: string; tenantId: string; due: 'expire' | 'lapse' | 'start' | 'complete' }[]> {
    const rows = (await tx.query(
      `SELECT o.id, o.tenant_id, CASE
         WHEN o.status IN ('draft', 'submitted') THEN 'expire'
         WHEN o.status = 'approved' AND ${UNPAID_PREPAY} AND o.pay_by <= $1::timestamptz THEN 'lapse'
         WHEN o.status = 'approved' THEN 'start' ELSE 'complete'
       END AS due
       FROM advertising.orders o
       JOIN advertising.tenants t ON t.tenant_id = o.tenant_id
       JOIN LATERAL (SELECT min(l.flight_start) AS first_day, max(l.flight_end) AS last_day
                     FROM advertising.order_lines l WHERE l.order_id = o.id) f ON true
       WHERE (o.status IN ('draft', 'submitted') AND o.hold_expires_at <= $1::timestamptz)
          OR (o.status = 'approved' AND ${UNPAID_PREPAY} AND o.pay_by <= $1::timestamptz)
          OR (o.status = 'approved' AND NOT ${UNPAID_PREPAY}
              AND f.first_day <= ($1::timestamptz AT TIME ZONE t.time_zone)::date)
          OR (o.status = 'live' AND f.last_day < ($1::timestamptz AT TIME ZONE t.time_zone)::date)
       ORDER BY o.hold_expires_at NULLS LAST, o.id
       LIMIT $2 FOR UPDATE OF o SKIP LOCKED`,
      [now, limit],
    )) as { id: string; tenant_id: string; due: 'expire' | 'lapse' | 'start' | 'complete' }[];
    return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, due: row.due }));
  }
}

/** A prepaid order not yet paid in full: it does not start, and lapses at its pay-by. */
const UNPAID_PREPAY = `(o.payment_terms = 'prepay' AND o.paid_at IS NULL)`;

function whereOf(scope: OrderScope, where: FindOptionsWhere<Order>): FindOptionsWhere<Order> {
  return {
    ...where,
    tenantId: scope.tenantId,
    ...(scope.advertiserId !== null ? { advertiserId: scope.advertiserId } : {}),
  };
}
