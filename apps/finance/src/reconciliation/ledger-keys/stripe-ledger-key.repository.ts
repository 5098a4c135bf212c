import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface LedgerKey {
  tenantId: string;
  /** The journal entry's source key. */
  sourceKey: string;
  /** The Stripe object the money moved for: `ch_…`, `re_…`, `du_…`, `po_…`. */
  stripeSourceId: string;
  /** Stripe's reporting category of that movement: `charge`, `refund`, `dispute`, `dispute_reversal`, `payout`. */
  reportingCategory: string;
  occurredAt: Date;
}

/** The entry found for a key: its posting to the Stripe balance. */
export interface LinkedEntry {
  entryId: string;
  currency: string;
  amount: bigint;
}

/** The only code that writes SQL for the keys between Stripe movements and journal entries. */
@Injectable()
export class StripeLedgerKeyRepository {
  /**
   * `record` for many keys in one statement (a batch of payments): ranks follow the entries
   * already claiming each movement, then the order given. A key given twice counts once.
   */
  async recordAll(tx: EntityManager, keys: LedgerKey[]): Promise<void> {
    const unique = [
      ...new Map(
        keys.map((k) => [`${k.tenantId} ${k.sourceKey} ${k.stripeSourceId} ${k.reportingCategory}`, k]),
      ).values(),
    ];
    if (unique.length === 0) return;
    await tx.query(
      `INSERT INTO finance.stripe_ledger_keys (tenant_id, stripe_source_id, reporting_category, rank, source_key, occurred_at)
       SELECT k.tenant_id, k.stripe_source_id, k.reporting_category,
              COALESCE((SELECT max(e.rank) FROM finance.stripe_ledger_keys e
                         WHERE e.tenant_id = k.tenant_id AND e.stripe_source_id = k.stripe_source_id AND e.reporting_category = k.reporting_category), 0)
                + row_number() OVER (PARTITION BY k.tenant_id, k.stripe_source_id, k.reporting_category ORDER BY k.at),
              k.source_key, k.occurred_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY
              AS k(tenant_id, stripe_source_id, reporting_category, source_key, occurred_at, at)
       ON CONFLICT (tenant_id, source_key, stripe_source_id, reporting_category) DO NOTHING`,
      [
        unique.map((k) => k.tenantId),
        unique.map((k) => k.stripeSourceId),
        unique.map((k) => k.reportingCategory),
        unique.map((k) => k.sourceKey),
        unique.map((k) => k.occurredAt),
      ],
    );
  }

  /**
   * Records that an entry books a Stripe movement, once per (entry, movement). Its rank follows
   * the entries already claiming the movement; two claims racing for one rank collide on the
   * primary key and the loser's transaction is retried (the event is redelivered).
   */
  async record(tx: EntityManager, key: LedgerKey, linked: LinkedEntry | null = null): Promise<void> {
    await tx.query(
      `INSERT INTO finance.stripe_ledger_keys (tenant_id, stripe_source_id, reporting_category, rank, source_key, occurred_at, entry_id, currency, amount)
       SELECT $1, $2, $3,
              1 + COALESCE((SELECT max(rank) FROM finance.stripe_ledger_keys WHERE tenant_id = $1 AND stripe_source_id = $2 AND reporting_category = $3), 0),
              $4, $5, $6, $7, $8
       ON CONFLICT (tenant_id, source_key, stripe_source_id, reporting_category) DO NOTHING`,
      [
        key.tenantId,
        key.stripeSourceId,
        key.reportingCategory,
        key.sourceKey,
        key.occurredAt,
        linked?.entryId ?? null,
        linked?.currency ?? null,
        linked?.amount.toString() ?? null,
      ],
    );
  }

  /**
   * Finds the journal entries of keys not linked yet and keeps each entry's posting to the
   * Stripe balance on its key (an entry without one keeps 0, in the entry's currency). Only
   * unlinked keys are visited (partial index), so a run does this for what arrived since the last.
   * Then adds to each linked key the posting of its entry's reversal, once: a reversed payment no
   * longer books the charge, and the run reports the difference. Reversals are found through
   * their own index (few, against every entry), their keys by the reversed entry's source key.
   */
  async linkPending(tx: EntityManager, tenantId: string, stripeBalanceAccountId: string): Promise<void> {
    await tx.query(
      `UPDATE finance.stripe_ledger_keys k
       SET entry_id = e.id,
           currency = COALESCE(p.currency, (SELECT min(currency) FROM finance.postings WHERE entry_id = e.id)),
           amount = COALESCE(p.amount, 0)
       FROM finance.journal_entries e
       LEFT JOIN LATERAL (
         SELECT min(currency) AS currency, sum(amount) AS amount FROM finance.postings
         WHERE entry_id = e.id AND account_id = $2
       ) p ON true
       WHERE k.tenant_id = $1 AND k.entry_id IS NULL AND e.tenant_id = $1 AND e.source_key = k.source_key`,
      [tenantId, stripeBalanceAccountId],
    );
    await tx.query(
      `UPDATE finance.stripe_ledger_keys k
       SET amount = k.amount + COALESCE(p.amount, 0), reversed_by_entry_id = r.id
       FROM finance.journal_entries r
       JOIN finance.journal_entries e ON e.id = r.reverses_entry_id
       LEFT JOIN LATERAL (SELECT sum(amount) AS amount FROM finance.postings WHERE entry_id = r.id AND account_id = $2) p ON true
       WHERE r.reverses_entry_id IS NOT NULL AND r.tenant_id = $1
         AND k.tenant_id = $1 AND k.source_key = e.source_key AND k.entry_id = e.id AND k.reversed_by_entry_id IS NULL`,
      [tenantId, stripeBalanceAccountId],
    );
  }

  /** An entry's posting to one account (its currency and signed sum), for a manual match. */
  async postingOf(
    tx: EntityManager,
    tenantId: string,
    entryId: string,
    accountId: string,
  ): Promise<{ sourceKey: string; postedOn: string; posting: LinkedEntry } | null> {
    const rows: {
      source_key: string;
      posted_on: string;
      currency: string | null;
      amount: string | null;
      any_currency: string | null;
    }[] = await tx.query(
      `SELECT e.source_key, to_char(e.posted_on, 'YYYY-MM-DD') AS posted_on,
              (SELECT min(currency) FROM finance.postings WHERE entry_id = e.id AND account_id = $3) AS currency,
              (SELECT sum(amount) FROM finance.postings WHERE entry_id = e.id AND account_id = $3)::text AS amount,
              (SELECT min(currency) FROM finance.postings WHERE entry_id = e.id) AS any_currency
       FROM finance.journal_entries e WHERE e.tenant_id = $1 AND e.id = $2`,
      [tenantId, entryId, accountId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sourceKey: row.source_key,
      postedOn: row.posted_on,
      posting: {
        entryId,
        currency: (row.currency ?? row.any_currency ?? '').trim(),
        amount: BigInt(row.amount ?? '0'),
      },
    };
  }
}
