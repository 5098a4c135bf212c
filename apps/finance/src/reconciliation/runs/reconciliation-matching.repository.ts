import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PAYMENT_RAILS } from '@libs/contracts';
import { StripeLedgerKeyRepository } from '../ledger-keys/stripe-ledger-key.repository';

export interface RunWindow {
  from: Date;
  to: Date;
}

export interface RunOutcome {
  stripeTransactions: number;
  matched: number;
  payoutsMatched: number;
  exceptionsOpened: number;
  exceptionsCleared: number;
}

/** A bank line may be booked this many days before a payout's arrival day… */
const DAYS_BEFORE_ARRIVAL = 1;
/** …or this many after; a payout unseen on statements covering that long is missing at the bank. */
const DAYS_AFTER_ARRIVAL = 4;

/** The imports of the rails' reports, which record the days each covers. */
const RAIL_REPORT_SOURCES = PAYMENT_RAILS.map((rail) => `'${rail}-csv'`).join(', ');

/** Day columns count from 00:00 UTC of the day, so they compare with a run's window of instants. */
const dayStart = (column: string) => `(${column}::timestamp AT TIME ZONE 'UTC')`;

/**
 * The matching itself, set-based: one pass over each agency's imported Stripe transactions and
 * its ledger keys (a hash full join on the Stripe object and reporting category), one over its
 * payouts and bank lines. The differences found go to a temporary table, from which the
 * exceptions are opened (new or cleared before; resolved ones are never raised again) and the
 * open ones no longer found are cleared. Everything runs in the caller's transaction.
 */
@Injectable()
export class ReconciliationMatchingRepository {
  constructor(private readonly keys: StripeLedgerKeyRepository) {}

  /**
   * Gives the run's transaction the memory its joins need (PostgreSQL `work_mem`) and no JIT: a
   * few large, simple statements, compiling them costs more than it saves.
   */
  async tuneForRun(tx: EntityManager, workMemMb: number): Promise<void> {
    await tx.query(`SET LOCAL work_mem = '${workMemMb}MB'`);
    await tx.query(`SET LOCAL jit = off`);
  }

  async reconcile(
    tx: EntityManager,
    tenantId: string,
    runId: string,
    window: RunWindow,
    stripeBalanceAccountId: string,
  ): Promise<RunOutcome> {
    await this.keys.linkPending(tx, tenantId, stripeBalanceAccountId);
    await tx.query(`CREATE TEMPORARY TABLE found (
      kind text NOT NULL, scope text NOT NULL, subject_key text NOT NULL,
      stripe_transaction_id text, stripe_source_id text, reporting_category text, payout_id text, bank_line_id uuid, bank_reference text,
      ledger_source_key text, entry_id uuid, statement_currency char(3), statement_amount bigint, booked_currency char(3), booked_amount bigint,
      occurred_at timestamptz NOT NULL, rail text, rail_transaction_id text
    ) ON COMMIT DROP`);
    const args = [tenantId, window.from, window.to];
    const [{ transactions }]: { transactions: number }[] = await tx.query(STRIPE_AGAINST_LEDGER, args);
    await tx.query(NAME_ENTRIES, [tenantId]);
    await tx.query(DUPLICATE_BOOKINGS, args);
    const byReference: unknown[] = await tx.query(PAYOUTS_BY_REFERENCE, [tenantId]);
    const byAmountAndDate: unknown[] = await tx.query(PAYOUTS_BY_AMOUNT_AND_DATE, [tenantId]);
    await tx.query(PAYOUTS_AGAINST_BANK, args);
    await tx.query(RAILS_AGAINST_LEDGER, args);
    await tx.query(`CREATE INDEX ON found (kind, subject_key)`);
    const [{ opened }]: { opened: number }[] = await tx.query(OPEN_EXCEPTIONS, [tenantId, runId]);
    const [{ cleared }]: { cleared: number }[] = await tx.query(CLEAR_EXCEPTIONS, [...args, runId]);
    const [{ unmatched }]: { unmatched: number }[] = await tx.query(
      `SELECT count(*)::int AS unmatched FROM found WHERE scope = 'stripe-ledger' AND stripe_transaction_id IS NOT NULL`,
    );
    return {
      stripeTransactions: transactions,
      matched: transactions - unmatched,
      payoutsMatched: byReference.length + byAmountAndDate.length,
      exceptionsOpened: opened,
      exceptionsCleared: cleared,
    };
  }

  /**
   * The default window: from the oldest imported item (transaction, payout, rail report day or
   * bank line) to just after the newest.
   */
  async defaultWindow(tx: EntityManager, tenantId: string): Promise<RunWindow> {
    const [row]: { from: Date | null; to: Date | null }[] = await tx.query(
      `SELECT least(t.first, p.first, b.first, r.first) AS "from", greatest(t.last, p.last, b.last, r.last) AS "to" FROM
         (SELECT min(created_from) AS first, max(created_to) AS last FROM finance.reconciliation_imports
          WHERE tenant_id = $1 AND source IN (${RAIL_REPORT_SOURCES})) r,
         (SELECT min(created_at) AS first, max(created_at) + interval '1 millisecond' AS last FROM finance.stripe_balance_transactions WHERE tenant_id = $1) t,
         (SELECT min(${dayStart('arrival_date')}) AS first, max(${dayStart('arrival_date')}) + interval '1 day' AS last FROM finance.stripe_payouts WHERE tenant_id = $1) p,
         (SELECT min(${dayStart('booked_on')}) AS first, max(${dayStart('booked_on')}) + interval '1 day' AS last FROM finance.bank_statement_lines WHERE tenant_id = $1) b`,
      [tenantId],
    );
    const now = new Date();
    return { from: row?.from ?? now, to: row?.to ?? now };
  }
}

/**
 * Each Stripe transaction against the first entry booking its Stripe object (the transaction
 * itself when it has none, e.g. a Stripe fee) and category, in one hash full join that also
 * counts the window's transactions: no entry (or the key's entry never posted: no amount yet) is
 * missing in the ledger; an entry of the window with no transaction is missing at Stripe;
 * otherwise currency, then net amount, must agree with the entry's posting to the Stripe balance.
 * The join carries only what it compares (narrow rows hash faster); the few differences are
 * gathered in the aggregate, stored from it, and given their entries' keys afterwards.
 */
const STRIPE_AGAINST_LEDGER = `
  WITH compared AS (
    SELECT count(*) FILTER (WHERE s.created_at >= $2 AND s.created_at < $3) AS transactions,
           array_agg(ROW(
             CASE WHEN k.amount IS NULL THEN 'missing-in-ledger'
                  WHEN s.id IS NULL THEN 'missing-at-stripe'
                  WHEN s.currency <> k.currency THEN 'currency-mismatch'
                  ELSE 'amount-mismatch' END,
             'stripe-ledger', CASE WHEN s.id IS NULL THEN '' ELSE 'txn:' || s.id END,
             s.id, COALESCE(k.stripe_source_id, s.source_id), COALESCE(s.reporting_category, k.reporting_category), NULL, NULL, NULL,
             NULL, NULL, s.currency, s.net, k.currency, k.amount, COALESCE(s.created_at, k.occurred_at), NULL, NULL)::found)
           -- Either side missing shows as a distinct amount; a key whose entry never posted and has no transaction is no difference.
           FILTER (WHERE (s.net IS DISTINCT FROM k.amount OR s.currency IS DISTINCT FROM k.currency)
                     AND CASE WHEN s.id IS NULL THEN k.occurred_at >= $2 AND k.occurred_at < $3 ELSE s.created_at >= $2 AND s.created_at < $3 END)
             AS differences
    FROM (SELECT id, source_id, reporting_category, currency, net, created_at FROM finance.stripe_balance_transactions WHERE tenant_id = $1) s
    FULL JOIN (SELECT stripe_source_id, reporting_category, currency, amount, occurred_at
               FROM finance.stripe_ledger_keys WHERE tenant_id = $1 AND rank = 1) k
      ON k.stripe_source_id = COALESCE(s.source_id, s.id) AND k.reporting_category = s.reporting_category
  ), stored AS (
    INSERT INTO found SELECT (d).* FROM compared, unnest(compared.differences) AS d
  )
  SELECT transactions::int FROM compared`;

/** The entries of the differences found (what a missing-at-Stripe difference is about). */
const NAME_ENTRIES = `
  UPDATE found f
  SET ledger_source_key = k.source_key, entry_id = k.entry_id,
      subject_key = CASE WHEN f.subject_key = '' THEN 'ledger:' || k.source_key || '|' || k.reporting_category || '|' || k.stripe_source_id ELSE f.subject_key END
  FROM finance.stripe_ledger_keys k
  WHERE f.scope = 'stripe-ledger' AND f.ledger_source_key IS NULL
    AND k.tenant_id = $1 AND k.stripe_source_id = f.stripe_source_id AND k.reporting_category = f.reporting_category AND k.rank = 1`;

/** A second (third…) entry booking a Stripe movement already booked: a duplicate booking. */
const DUPLICATE_BOOKINGS = `
  INSERT INTO found
  SELECT 'duplicate', 'stripe-ledger', 'ledger:' || k.source_key || '|' || k.reporting_category || '|' || k.stripe_source_id,
         NULL, k.stripe_source_id, k.reporting_category, NULL, NULL, NULL, k.source_key, k.entry_id, NULL, NULL, k.currency, k.amount, k.occurred_at
  FROM finance.stripe_ledger_keys k
  WHERE k.tenant_id = $1 AND k.rank > 1 AND k.entry_id IS NOT NULL AND k.occurred_at >= $2 AND k.occurred_at < $3`;

const UNMATCHED_PAYOUT = `NOT EXISTS (SELECT 1 FROM finance.payout_bank_matches m WHERE m.tenant_id = $1 AND m.payout_id = p.id)`;
const UNMATCHED_LINE = `NOT EXISTS (SELECT 1 FROM finance.payout_bank_matches m WHERE m.tenant_id = $1 AND m.bank_line_id = b.id)`;

/** A bank line naming the payout, for its amount in its currency (the earliest such line). */
const PAYOUTS_BY_REFERENCE = `
  INSERT INTO finance.payout_bank_matches (tenant_id, payout_id, bank_line_id, method)
  SELECT DISTINCT ON (p.id) $1::uuid, p.id, b.id, 'reference'
  FROM finance.stripe_payouts p
  JOIN finance.bank_statement_lines b ON b.tenant_id = $1 AND b.payout_reference = p.id AND b.amount = p.amount AND b.currency = p.currency
  WHERE p.tenant_id = $1 AND ${UNMATCHED_PAYOUT} AND ${UNMATCHED_LINE}
  ORDER BY p.id, b.booked_on, b.reference
  ON CONFLICT DO NOTHING
  RETURNING payout_id`;

/** A credit naming no payout, for a payout's amount and currency near its arrival day, when each is the other's only candidate. */
const PAYOUTS_BY_AMOUNT_AND_DATE = `
  WITH pairs AS (
    SELECT p.id AS payout_id, b.id AS bank_line_id,
           count(*) OVER (PARTITION BY p.id) AS lines_for_payout, count(*) OVER (PARTITION BY b.id) AS payouts_for_line
    FROM finance.stripe_payouts p
    JOIN finance.bank_statement_lines b ON b.tenant_id = $1 AND b.currency = p.currency AND b.amount = p.amount AND b.payout_reference IS NULL
     AND b.booked_on BETWEEN p.arrival_date - ${DAYS_BEFORE_ARRIVAL} AND p.arrival_date + ${DAYS_AFTER_ARRIVAL}
    WHERE p.tenant_id = $1 AND p.status NOT IN ('failed', 'canceled') AND ${UNMATCHED_PAYOUT} AND ${UNMATCHED_LINE}
  )
  INSERT INTO finance.payout_bank_matches (tenant_id, payout_id, bank_line_id, method)
  SELECT $1::uuid, payout_id, bank_line_id, 'amount-and-date' FROM pairs WHERE lines_for_payout = 1 AND payouts_for_line = 1
  ON CONFLICT DO NOTHING
  RETURNING payout_id`;

/**
 * What stays unmatched between payouts and the bank: a payout the statements should show by now
 * (they cover its arrival and the days after) is missing at the bank; a line naming a payout
 * Stripe does not have is missing at Stripe, one naming a payout already found is a duplicate,
 * one naming a payout for another amount or currency is a mismatch; a credit from Stripe naming
 * no payout and matching none is missing at Stripe.
 */
const PAYOUTS_AGAINST_BANK = `
  WITH coverage AS (SELECT max(booked_on) AS last_day FROM finance.bank_statement_lines WHERE tenant_id = $1)
  INSERT INTO found
  SELECT 'missing-at-bank', 'payout-bank', 'payout:' || p.id, p.balance_transaction_id, p.id, 'payout', p.id, NULL::uuid, NULL::text,
         NULL::text, NULL::uuid, NULL::char(3), NULL::bigint, p.currency, p.amount, ${dayStart('p.arrival_date')}
  FROM finance.stripe_payouts p, coverage c
  WHERE p.tenant_id = $1 AND p.status NOT IN ('failed', 'canceled') AND p.arrival_date + ${DAYS_AFTER_ARRIVAL} <= c.last_day
    AND ${dayStart('p.arrival_date')} >= $2 AND ${dayStart('p.arrival_date')} < $3 AND ${UNMATCHED_PAYOUT}
    AND NOT EXISTS (SELECT 1 FROM finance.bank_statement_lines n WHERE n.tenant_id = $1 AND n.payout_reference = p.id)
  UNION ALL
  SELECT CASE WHEN p.id IS NULL THEN 'missing-at-stripe' WHEN found_line.bank_line_id IS NOT NULL THEN 'duplicate'
              WHEN b.currency <> p.currency THEN 'currency-mismatch' ELSE 'amount-mismatch' END,
         'payout-bank',
         CASE WHEN p.id IS NULL OR found_line.bank_line_id IS NOT NULL THEN 'bank:' || b.reference ELSE 'payout:' || p.id END,
         p.balance_transaction_id, b.payout_reference, 'payout', b.payout_reference, b.id, b.reference,
         NULL, NULL, b.currency, b.amount,
         CASE WHEN found_line.bank_line_id IS NULL THEN p.currency END, CASE WHEN found_line.bank_line_id IS NULL THEN p.amount END,
         ${dayStart('b.booked_on')}
  FROM finance.bank_statement_lines b
  LEFT JOIN finance.stripe_payouts p ON p.tenant_id = $1 AND p.id = b.payout_reference
  LEFT JOIN finance.payout_bank_matches found_line ON found_line.tenant_id = $1 AND found_line.payout_id = b.payout_reference
  WHERE b.tenant_id = $1 AND b.payout_reference IS NOT NULL AND ${UNMATCHED_LINE}
    AND ${dayStart('b.booked_on')} >= $2 AND ${dayStart('b.booked_on')} < $3
  UNION ALL
  SELECT 'missing-at-stripe', 'payout-bank', 'bank:' || b.reference, NULL, NULL, 'payout', NULL, b.id, b.reference,
         NULL, NULL, b.currency, b.amount, NULL, NULL, ${dayStart('b.booked_on')}
  FROM finance.bank_statement_lines b
  WHERE b.tenant_id = $1 AND b.payout_reference IS NULL AND b.amount > 0
    AND (b.counterparty ILIKE '%stripe%' OR b.remittance ILIKE '%stripe%') AND ${UNMATCHED_LINE}
    AND ${dayStart('b.booked_on')} >= $2 AND ${dayStart('b.booked_on')} < $3`;

/**
 * Each line of the rails' reports against the payment or refund booked from the payments
 * service's events, by rail, movement and the rail's transaction id (a hash full join on the two
 * narrow tables): a line no entry books is missing in the ledger; a booking on a day some imported
 * report of its rail covers, on no report, is missing at the rail; otherwise currency, then the
 * gross (refunds negative), must agree with the booking's posting to the rail's clearing account.
 * The line's movement (payment or refund) stays in the subject: `rail:<rail>:<movement>:<id>`.
 */
const RAILS_AGAINST_LEDGER = `
  INSERT INTO found
  SELECT CASE WHEN k.rail_transaction_id IS NULL THEN 'missing-in-ledger'
              WHEN l.rail_transaction_id IS NULL THEN 'missing-at-rail'
              WHEN l.currency <> k.currency THEN 'currency-mismatch'
              ELSE 'amount-mismatch' END,
         'rail-ledger',
         'rail:' || COALESCE(l.rail, k.rail) || ':' || COALESCE(l.movement, k.movement) || ':' || COALESCE(l.rail_transaction_id, k.rail_transaction_id),
         NULL, NULL, NULL, NULL, NULL, NULL,
         k.source_key, k.entry_id, l.currency, l.amount, k.currency, k.amount, COALESCE(l.occurred_at, k.occurred_at),
         COALESCE(l.rail, k.rail), COALESCE(l.rail_transaction_id, k.rail_transaction_id)
  FROM (SELECT rail, movement, rail_transaction_id, currency, amount, occurred_at FROM finance.rail_report_lines WHERE tenant_id = $1) l
  FULL JOIN (SELECT rail, movement, rail_transaction_id, source_key, entry_id, currency, amount, occurred_at
             FROM finance.rail_ledger_keys WHERE tenant_id = $1) k
    ON k.rail = l.rail AND k.movement = l.movement AND k.rail_transaction_id = l.rail_transaction_id
  WHERE (l.amount IS DISTINCT FROM k.amount OR l.currency IS DISTINCT FROM k.currency)
    AND CASE WHEN l.rail_transaction_id IS NULL
             THEN k.occurred_at >= $2 AND k.occurred_at < $3
                  AND EXISTS (SELECT 1 FROM finance.reconciliation_imports i
                              WHERE i.tenant_id = $1 AND i.source = k.rail || '-csv' AND i.created_from <= k.occurred_at AND k.occurred_at < i.created_to)
             ELSE l.occurred_at >= $2 AND l.occurred_at < $3 END`;

/**
 * Opens what was found: new exceptions, and cleared ones found again. One already open stays as
 * it is; a resolved one is never raised again (the conflict leaves it alone).
 */
const OPEN_EXCEPTIONS = `
  WITH opened AS (
    INSERT INTO finance.reconciliation_exceptions AS x
      (tenant_id, kind, scope, subject_key, status, stripe_transaction_id, stripe_source_id, reporting_category, payout_id, bank_line_id, bank_reference,
       ledger_source_key, entry_id, statement_currency, statement_amount, booked_currency, booked_amount, occurred_at, detected_by_run,
       rail, rail_transaction_id)
    SELECT DISTINCT ON (kind, subject_key) $1::uuid, kind, scope, subject_key, 'open', stripe_transaction_id, stripe_source_id, reporting_category,
           payout_id, bank_line_id, bank_reference, ledger_source_key, entry_id, statement_currency, statement_amount, booked_currency, booked_amount,
           occurred_at, $2::uuid, rail, rail_transaction_id
    FROM found ORDER BY kind, subject_key, occurred_at
    ON CONFLICT (tenant_id, kind, subject_key) DO UPDATE
      SET status = 'open', cleared_at = NULL, detected_at = now(), detected_by_run = EXCLUDED.detected_by_run,
          stripe_transaction_id = EXCLUDED.stripe_transaction_id, entry_id = EXCLUDED.entry_id, bank_line_id = EXCLUDED.bank_line_id,
          statement_currency = EXCLUDED.statement_currency, statement_amount = EXCLUDED.statement_amount,
          booked_currency = EXCLUDED.booked_currency, booked_amount = EXCLUDED.booked_amount, occurred_at = EXCLUDED.occurred_at
      WHERE x.status = 'cleared'
    RETURNING 1
  )
  SELECT count(*)::int AS opened FROM opened`;

/**
 * Open exceptions of the window whose difference is no longer found (the entry or the statement
 * line arrived); those this run opened are found by definition.
 */
const CLEAR_EXCEPTIONS = `
  WITH cleared AS (
    UPDATE finance.reconciliation_exceptions x SET status = 'cleared', cleared_at = now()
    WHERE x.tenant_id = $1 AND x.status = 'open' AND x.occurred_at >= $2 AND x.occurred_at < $3 AND x.detected_by_run IS DISTINCT FROM $4
      AND NOT EXISTS (SELECT 1 FROM found f WHERE f.kind = x.kind AND f.subject_key = x.subject_key)
    RETURNING 1
  )
  SELECT count(*)::int AS cleared FROM cleared`;
