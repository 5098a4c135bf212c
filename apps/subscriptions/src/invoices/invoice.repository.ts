import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { InvoiceStatus } from '@libs/contracts';
import { Invoice } from './invoice.entity';

interface InvoiceFilter {
  subscriptionId?: string;
  status?: InvoiceStatus;
}

/** The only code that reads and writes invoices. */
@Injectable()
export class InvoiceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes every change of one invoice until the transaction ends (also before its row exists). */
  async lock(tx: EntityManager, tenantId: string, providerInvoiceId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`invoice:${tenantId}:${providerInvoiceId}`]);
  }

  findByProviderId(tx: EntityManager, tenantId: string, providerInvoiceId: string): Promise<Invoice | null> {
    return tx.getRepository(Invoice).findOne({ where: { tenantId, providerInvoiceId } });
  }

  /** The invoice a charge paid, if any. */
  findByCharge(tx: EntityManager, tenantId: string, providerChargeId: string): Promise<Invoice | null> {
    return tx.getRepository(Invoice).findOne({ where: { tenantId, providerChargeId } });
  }

  async save(tx: EntityManager, invoice: Invoice): Promise<Invoice> {
    return tx.getRepository(Invoice).save(invoice);
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Invoice | null> {
    return this.dataSource.getRepository(Invoice).findOne({ where: { tenantId, id } });
  }

  /** Newest first; `before` (an invoice id) starts the page after that invoice. */
  findPageOfTenant(tenantId: string, filter: InvoiceFilter, limit: number, before?: string): Promise<Invoice[]> {
    const query = this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where('i.tenant_id = :tenantId', { tenantId })
      .orderBy('i.recorded_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit);
    if (filter.subscriptionId)
      query.andWhere('i.subscription_id = :subscriptionId', { subscriptionId: filter.subscriptionId });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (before) {
      query.andWhere(
        '(i.recorded_at, i.id) < (SELECT b.recorded_at, b.id FROM subscriptions.invoices b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before },
      );
    }
    return query.getMany();
  }
}
