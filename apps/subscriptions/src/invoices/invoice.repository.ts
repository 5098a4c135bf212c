import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
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

  /** Records an invoice the suite bills unless its subscription has one for that period; answers whether this call did. */
  async insertSuiteInvoiceOnce(tx: EntityManager, invoice: Invoice): Promise<boolean> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Invoice)
      .values(invoice)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** The invoice the suite bills for a subscription's period starting at `periodStart`, if issued (not voided; no proration). */
  findSuiteInvoiceOfPeriod(
    tx: EntityManager,
    tenantId: string,
    subscriptionId: string,
    periodStart: Date,
  ): Promise<Invoice | null> {
    return tx
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where('i.tenant_id = :tenantId AND i.subscription_id = :subscriptionId AND i.period_start = :periodStart', {
        tenantId,
        subscriptionId,
        periodStart,
      })
      .andWhere("i.provider_invoice_id LIKE 'suite:%' AND NOT i.proration AND i.status <> 'void'")
      .getOne();
  }

  /** The open invoices the suite bills of a subscription (a renewal, or an unpaid first period), to end with it. */
  findOpenSuiteInvoicesOfSubscription(tx: EntityManager, tenantId: string, subscriptionId: string): Promise<Invoice[]> {
    return tx
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where("i.tenant_id = :tenantId AND i.subscription_id = :subscriptionId AND i.status = 'open'", {
        tenantId,
        subscriptionId,
      })
      .andWhere("i.provider_invoice_id LIKE 'suite:%'")
      .getMany();
  }

  /**
   * Open renewals the suite billed whose pay link payments has not yet answered (every agency),
   * oldest first. A first period's invoice is never among them: it is billed (finalized) only once paid.
   */
  findSuiteRenewalsAwaitingPayLink(limit: number): Promise<Invoice[]> {
    return this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where("i.status = 'open' AND i.provider_invoice_id LIKE 'suite:%'")
      .andWhere('i.finalized_at IS NOT NULL AND i.pay_page_url IS NULL')
      .orderBy('i.recorded_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Locks up to `limit` open invoices of plan changes the suite bills that were due at `now` and
   * have no dunning case yet, with their subscriptions' rows (skipping any another instance or a
   * payment holds).
   */
  async lockSuiteProrationsUnpaidWhenDue(tx: EntityManager, now: Date, limit: number): Promise<Invoice[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT i.id FROM subscriptions.invoices i
         JOIN subscriptions.reader_subscriptions s ON s.tenant_id = i.tenant_id AND s.id = i.subscription_id
        WHERE i.status = 'open' AND i.proration AND i.provider_invoice_id LIKE 'suite:%' AND i.due_date <= $1
          AND NOT EXISTS (SELECT 1 FROM subscriptions.dunning_cases c
                           WHERE c.tenant_id = i.tenant_id AND c.provider_invoice_id = i.provider_invoice_id)
        ORDER BY i.due_date
        LIMIT $2
        FOR UPDATE OF i, s SKIP LOCKED`,
      [now, limit],
    );
    if (rows.length === 0) return [];
    return tx.getRepository(Invoice).findBy({ id: In(rows.map((row) => row.id)) });
  }

  /** Keeps the renewal's pay link unless one was kept before (another instance); answers whether this call kept it. */
  async keepPayLinkOnce(tx: EntityManager, invoice: Invoice, payPageUrl: string): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(Invoice)
      .set({ payPageUrl })
      .where('tenant_id = :tenantId AND provider_invoice_id = :key AND pay_page_url IS NULL', {
        tenantId: invoice.tenantId,
        key: invoice.providerInvoiceId,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records that the renewal is being charged to a saved wallet unless that was recorded before
   * (another instance, an earlier run); answers whether this call recorded it.
   */
  async claimTokenCharge(invoice: Invoice, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Invoice)
      .set({ tokenChargeAttemptedAt: at })
      .where('tenant_id = :tenantId AND provider_invoice_id = :key AND token_charge_attempted_at IS NULL', {
        tenantId: invoice.tenantId,
        key: invoice.providerInvoiceId,
      })
      .execute();
    return (result.affected ?? 0) > 0;
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
