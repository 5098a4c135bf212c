import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ListReconciliationExceptionsRequest, ReconciliationResolutionAction } from '@libs/contracts';
import { ReconciliationException } from './reconciliation-exception.entity';

export interface Resolution {
  action: ReconciliationResolutionAction;
  reason: string;
  entryId: string | null;
  accountCode: string | null;
  resolvedBy: string;
}

export interface StripeTransactionRow {
  id: string;
  source_id: string | null;
  reporting_category: string;
  currency: string;
  net: string;
}

export interface BankLineRow {
  id: string;
  reference: string;
  currency: string;
  amount: string;
}

export interface PayoutRow {
  id: string;
  currency: string;
  amount: string;
}

/** The only code that reads and writes reconciliation exceptions and the manual matches they are resolved with. */
@Injectable()
export class ReconciliationExceptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOfTenant(tenantId: string, id: string): Promise<ReconciliationException | null> {
    return this.dataSource.getRepository(ReconciliationException).findOneBy({ tenantId, id });
  }

  /** The exception, locked until the resolving transaction ends (two resolutions of one exception queue up). */
  lockOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<ReconciliationException | null> {
    return tx
      .getRepository(ReconciliationException)
      .findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first; `before` (an exception id) starts the page after that exception. */
  pageOfTenant(
    tenantId: string,
    request: ListReconciliationExceptionsRequest,
    limit: number,
  ): Promise<ReconciliationException[]> {
    const query = this.dataSource
      .getRepository(ReconciliationException)
      .createQueryBuilder('x')
      .where('x.tenant_id = :tenantId', { tenantId })
      .orderBy('x.detected_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .limit(limit);
    if (request.kind) query.andWhere('x.kind = :kind', { kind: request.kind });
    if (request.status) query.andWhere('x.status = :status', { status: request.status });
    if (request.before) {
      query.andWhere(
        '(x.detected_at, x.id) < (SELECT b.detected_at, b.id FROM finance.reconciliation_exceptions b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before: request.before },
      );
    }
    return query.getMany();
  }

  async markResolved(tx: EntityManager, id: string, resolution: Resolution): Promise<void> {
    await tx.query(
      `UPDATE finance.reconciliation_exceptions
       SET status = 'resolved', resolution = $2, resolution_reason = $3, resolution_entry_id = $4, resolution_account_code = $5, resolved_by = $6, resolved_at = now()
       WHERE id = $1`,
      [id, resolution.action, resolution.reason, resolution.entryId, resolution.accountCode, resolution.resolvedBy],
    );
  }

  async accountOf(tx: EntityManager, tenantId: string, code: string): Promise<{ id: string; type: string } | null> {
    const rows: { id: string; type: string }[] = await tx.query(
      `SELECT id, type FROM finance.accounts WHERE tenant_id = $1 AND code = $2`,
      [tenantId, code],
    );
    return rows[0] ?? null;
  }

  async stripeTransactionOf(tx: EntityManager, tenantId: string, id: string): Promise<StripeTransactionRow | null> {
    const rows: StripeTransactionRow[] = await tx.query(
      `SELECT id, source_id, reporting_category, currency, net::text AS net FROM finance.stripe_balance_transactions WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** The entry already booking a Stripe movement, if any. */
  async entryBooking(
    tx: EntityManager,
    tenantId: string,
    stripeSourceId: string,
    reportingCategory: string,
  ): Promise<{ sourceKey: string; entryId: string | null } | null> {
    const rows: { source_key: string; entry_id: string | null }[] = await tx.query(
      `SELECT source_key, entry_id FROM finance.stripe_ledger_keys WHERE tenant_id = $1 AND stripe_source_id = $2 AND reporting_category = $3 ORDER BY rank LIMIT 1`,
      [tenantId, stripeSourceId, reportingCategory],
    );
    return rows[0] ? { sourceKey: rows[0].source_key, entryId: rows[0].entry_id } : null;
  }

  /** Points the first (never posted) key of a Stripe movement at the entry a finance user names instead. */
  async relinkFirstKey(
    tx: EntityManager,
    tenantId: string,
    stripeSourceId: string,
    reportingCategory: string,
    linked: { sourceKey: string; entryId: string; currency: string; amount: bigint },
  ): Promise<void> {
    await tx.query(
      `UPDATE finance.stripe_ledger_keys SET source_key = $4, entry_id = $5, currency = $6, amount = $7
       WHERE tenant_id = $1 AND stripe_source_id = $2 AND reporting_category = $3 AND rank = 1`,
      [
        tenantId,
        stripeSourceId,
        reportingCategory,
        linked.sourceKey,
        linked.entryId,
        linked.currency,
        linked.amount.toString(),
      ],
    );
  }

  async unmatchedBankLineOf(
    tx: EntityManager,
    tenantId: string,
    id: string,
  ): Promise<(BankLineRow & { matched: boolean }) | null> {
    const rows: (BankLineRow & { matched: boolean })[] = await tx.query(
      `SELECT b.id, b.reference, b.currency, b.amount::text AS amount,
              EXISTS (SELECT 1 FROM finance.payout_bank_matches m WHERE m.tenant_id = $1 AND m.bank_line_id = b.id) AS matched
       FROM finance.bank_statement_lines b WHERE b.tenant_id = $1 AND b.id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async payoutOf(tx: EntityManager, tenantId: string, id: string): Promise<(PayoutRow & { matched: boolean }) | null> {
    const rows: (PayoutRow & { matched: boolean })[] = await tx.query(
      `SELECT p.id, p.currency, p.amount::text AS amount,
              EXISTS (SELECT 1 FROM finance.payout_bank_matches m WHERE m.tenant_id = $1 AND m.payout_id = p.id) AS matched
       FROM finance.stripe_payouts p WHERE p.tenant_id = $1 AND p.id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async matchPayoutByHand(tx: EntityManager, tenantId: string, payoutId: string, bankLineId: string): Promise<void> {
    await tx.query(
      `INSERT INTO finance.payout_bank_matches (tenant_id, payout_id, bank_line_id, method) VALUES ($1, $2, $3, 'manual')`,
      [tenantId, payoutId, bankLineId],
    );
  }
}
