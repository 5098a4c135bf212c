import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, IsNull } from 'typeorm';
import type { InvoiceRefundStatus, AdInvoiceStatus } from '@libs/contracts';
import { InvoicePayment } from './invoice-payment.entity';
import { InvoiceRefund } from './invoice-refund.entity';
import { Invoice } from './invoice.entity';

/** Limits a read to the caller's invoices: every invoice of the agency, or only one advertiser's. */
export interface InvoiceScope {
  tenantId: string;
  advertiserId: string | null;
}

/** The only code that runs SQL for invoices, their payments and their refunds. */
@Injectable()
export class InvoiceRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(tx: EntityManager, invoice: Omit<Invoice, 'id' | 'createdAt' | 'updatedAt'>): Promise<Invoice> {
    return tx.getRepository(Invoice).save(tx.getRepository(Invoice).create(invoice));
  }

  save(tx: EntityManager, invoice: Invoice): Promise<Invoice> {
    return tx.getRepository(Invoice).save(invoice);
  }

  findOne(scope: InvoiceScope, id: string): Promise<Invoice | null> {
    return this.dataSource.getRepository(Invoice).findOne({ where: whereOf(scope, { id }) });
  }

  /** Newest first, at most 100; `status` read from the money as `invoiceStatusOf` does. */
  findMany(
    scope: InvoiceScope,
    filter: { status?: AdInvoiceStatus; advertiserId?: string; orderId?: string },
  ): Promise<Invoice[]> {
    const query = this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where('i.tenant_id = :tenantId', { tenantId: scope.tenantId })
      .orderBy('i.issued_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(100);
    const advertiserId = scope.advertiserId ?? filter.advertiserId;
    if (advertiserId) query.andWhere('i.advertiser_id = :advertiserId', { advertiserId });
    if (filter.orderId) query.andWhere('i.order_id = :orderId', { orderId: filter.orderId });
    if (filter.status) query.andWhere(STATUS_CONDITIONS[filter.status]);
    return query.getMany();
  }

  /** An order's invoice, locked for a change (payment, credit, refund). */
  findOfOrderForChange(tx: EntityManager, tenantId: string, orderId: string): Promise<Invoice | null> {
    return tx.getRepository(Invoice).findOne({ where: { tenantId, orderId }, lock: { mode: 'pessimistic_write' } });
  }

  findForChange(tx: EntityManager, tenantId: string, id: string): Promise<Invoice | null> {
    return tx.getRepository(Invoice).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The invoice a bank transfer names. */
  findByTransferReference(tenantId: string, reference: string): Promise<Invoice | null> {
    return this.dataSource.getRepository(Invoice).findOne({ where: { tenantId, transferReference: reference } });
  }

  /** Prepaid invoices still to ask the payments service for a pay link (its answer was lost, or it was away). */
  async findWithoutPayLink(now: Date, limit: number): Promise<{ tenantId: string; id: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT tenant_id, id FROM advertising.invoices
       WHERE payment_terms = 'prepay' AND payment_id IS NULL AND pay_by > $1 AND credited = 0
       ORDER BY issued_at LIMIT $2`,
      [now, limit],
    )) as { tenant_id: string; id: string }[];
    return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
  }

  async linkPayment(tenantId: string, id: string, paymentId: string, payPageUrl: string): Promise<void> {
    await this.dataSource
      .getRepository(Invoice)
      .update({ tenantId, id, paymentId: IsNull() }, { paymentId, payPageUrl });
  }

  /** Records a payment once per channel and source; false when it was recorded before. */
  async addPayment(
    tx: EntityManager,
    payment: Omit<InvoicePayment, 'id' | 'recordedAt'>,
  ): Promise<InvoicePayment | null> {
    const inserted = (await tx
      .createQueryBuilder()
      .insert()
      .into(InvoicePayment)
      .values(payment)
      .orIgnore()
      .returning('*')
      .execute()) as { raw: Record<string, unknown>[] };
    if (inserted.raw.length === 0) return null;
    return tx.getRepository(InvoicePayment).findOneByOrFail({ id: inserted.raw[0].id as string });
  }

  paymentsOf(invoiceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<InvoicePayment[]> {
    if (invoiceIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(InvoicePayment).find({
      where: { invoiceId: In(invoiceIds) },
      order: { paidAt: 'ASC', recordedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The invoice a rail payment paid, by the payments service's id. */
  async invoiceOfRailPayment(tx: EntityManager, tenantId: string, paymentId: string): Promise<string | null> {
    const found = await tx.getRepository(InvoicePayment).findOne({
      where: { tenantId, channel: 'rail', sourceId: paymentId },
    });
    return found?.invoiceId ?? null;
  }

  refundsOf(invoiceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<InvoiceRefund[]> {
    if (invoiceIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(InvoiceRefund).find({
      where: { invoiceId: In(invoiceIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  addRefunds(
    tx: EntityManager,
    refunds: Omit<InvoiceRefund, 'id' | 'createdAt' | 'updatedAt'>[],
  ): Promise<InvoiceRefund[]> {
    if (refunds.length === 0) return Promise.resolve([]);
    return tx
      .getRepository(InvoiceRefund)
      .save(refunds.map((refund) => tx.getRepository(InvoiceRefund).create(refund)));
  }

  /** Refunds still to ask the payments service for, oldest first. */
  async findDueRefunds(limit: number): Promise<{ tenantId: string; invoiceId: string }[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (invoice_id) tenant_id, invoice_id FROM advertising.invoice_refunds
       WHERE status = 'due' ORDER BY invoice_id, created_at LIMIT $1`,
      [limit],
    )) as { tenant_id: string; invoice_id: string }[];
    return rows.map((row) => ({ tenantId: row.tenant_id, invoiceId: row.invoice_id }));
  }

  /** Moves a refund on from the status it was read in; false when someone else moved it first. */
  async moveRefund(
    refundId: string,
    from: InvoiceRefundStatus[],
    to: InvoiceRefundStatus,
    failure: string | null = null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(InvoiceRefund)
      .update({ id: refundId, status: In(from) }, { status: to, failure });
    return (result.affected ?? 0) > 0;
  }
}

const BALANCE = '(i.total - i.credited - i.paid + i.refunded)';
const STATUS_CONDITIONS: Record<AdInvoiceStatus, string> = {
  open: `${BALANCE} > 0`,
  'refund-due': `${BALANCE} < 0`,
  paid: `${BALANCE} = 0 AND i.credited <> i.total`,
  void: `${BALANCE} = 0 AND i.credited = i.total`,
};

function whereOf(scope: InvoiceScope, where: FindOptionsWhere<Invoice>): FindOptionsWhere<Invoice> {
  return {
    ...where,
    tenantId: scope.tenantId,
    ...(scope.advertiserId !== null ? { advertiserId: scope.advertiserId } : {}),
  };
}
