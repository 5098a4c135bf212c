import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RevenueStream } from '@libs/contracts';

/** What reports group and filter entries by; each is null when it does not apply. */
export interface EntryDimensions {
  stream: RevenueStream | null;
  productId: string | null;
  siteId: string | null;
  /** The advertiser or licensee. */
  counterpartyId: string | null;
}

export const NO_DIMENSIONS: EntryDimensions = { stream: null, productId: null, siteId: null, counterpartyId: null };

export interface NewEntry {
  tenantId: string;
  sourceKey: string;
  postedOn: string;
  description: string;
  reversesEntryId: string | null;
  dimensions?: EntryDimensions;
}

export interface NewPosting {
  accountId: string;
  currency: string;
  amount: bigint;
}

export interface EntryRow {
  id: string;
  source_key: string;
  posted_on: string;
  description: string;
  reverses_entry_id: string | null;
  created_at: Date;
  stream: RevenueStream | null;
  product_id: string | null;
  site_id: string | null;
  counterparty_id: string | null;
}

export interface PostingRow {
  id: string;
  entry_id: string;
  account_id: string;
  account_code: string;
  currency: string;
  amount: string;
}

export interface BalanceRow {
  account_id: string;
  code: string;
  name: string;
  type: string;
  currency: string;
  debits: string;
  credits: string;
  balance: string;
}

const ENTRY_COLUMNS =
  `id, source_key, to_char(posted_on, 'YYYY-MM-DD') AS posted_on, description, reverses_entry_id, created_at, stream, product_id, site_id, counterparty_id`;

/** The only code that writes SQL for journal entries, postings and account balances. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the entry unless its source key is already posted; answers the new id, or null. */
  async insertEntryUnlessPosted(tx: EntityManager, entry: NewEntry): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO finance.journal_entries (tenant_id, source_key, posted_on, description, reverses_entry_id, stream, product_id, site_id, counterparty_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, source_key) DO NOTHING RETURNING id`,
      [
        entry.tenantId, entry.sourceKey, entry.postedOn, entry.description, entry.reversesEntryId,
        ...dimensionValues(entry.dimensions ?? NO_DIMENSIONS),
      ],
    );
    return rows[0]?.id ?? null;
  }

  async findEntryIdBySourceKey(tx: EntityManager, tenantId: string, sourceKey: string): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM finance.journal_entries WHERE tenant_id = $1 AND source_key = $2`, [tenantId, sourceKey]);
    return rows[0]?.id ?? null;
  }

  async insertPostings(tx: EntityManager, tenantId: string, entryId: string, postings: NewPosting[]): Promise<void> {
    await tx.query(
      `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount)
       SELECT $1, $2, p.account_id, p.currency, p.amount
       FROM unnest($3::uuid[], $4::text[], $5::bigint[]) AS p(account_id, currency, amount)`,
      [tenantId, entryId, postings.map((p) => p.accountId), postings.map((p) => p.currency), postings.map((p) => p.amount.toString())],
    );
  }

  /** Adds the postings to the running totals, in a fixed order so concurrent entries cannot deadlock. */
  async addToBalances(tx: EntityManager, tenantId: string, postings: NewPosting[]): Promise<void> {
    const sorted = [...postings].sort((a, b) => `${a.accountId}${a.currency}`.localeCompare(`${b.accountId}${b.currency}`));
    for (const { accountId, currency, amount } of sorted) {
      const debit = amount > 0n ? amount : 0n;
      const credit = amount < 0n ? -amount : 0n;
      await tx.query(
        `INSERT INTO finance.account_balances AS b (tenant_id, account_id, currency, debits, credits, balance)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, account_id, currency) DO UPDATE
         SET debits = b.debits + EXCLUDED.debits, credits = b.credits + EXCLUDED.credits, balance = b.balance + EXCLUDED.balance`,
        [tenantId, accountId, currency, debit.toString(), credit.toString(), amount.toString()],
      );
    }
  }

  async findEntryOfTenant(tenantId: string, id: string, tx: EntityManager = this.dataSource.manager): Promise<EntryRow | null> {
    const rows: EntryRow[] = await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM finance.journal_entries WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ?? null;
  }

  /** Newest first; `before` (an entry id) starts the page after that entry; a dimension given filters on it. */
  findEntryPageOfTenant(tenantId: string, limit: number, before?: string, filter: Partial<EntryDimensions> = {}): Promise<EntryRow[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM finance.journal_entries e
       WHERE e.tenant_id = $1
         AND ($3::uuid IS NULL OR (e.created_at, e.id) < (SELECT b.created_at, b.id FROM finance.journal_entries b WHERE b.tenant_id = $1 AND b.id = $3))
         AND ($4::text IS NULL OR e.stream = $4) AND ($5::uuid IS NULL OR e.product_id = $5)
         AND ($6::uuid IS NULL OR e.site_id = $6) AND ($7::uuid IS NULL OR e.counterparty_id = $7)
       ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      [tenantId, limit, before ?? null, filter.stream ?? null, filter.productId ?? null, filter.siteId ?? null, filter.counterpartyId ?? null],
    );
  }

  findPostingsOfEntries(tenantId: string, entryIds: string[], tx: EntityManager = this.dataSource.manager): Promise<PostingRow[]> {
    return tx.query(
      `SELECT p.id, p.entry_id, p.account_id, a.code AS account_code, p.currency, p.amount::text AS amount
       FROM finance.postings p JOIN finance.accounts a ON a.id = p.account_id
       WHERE p.tenant_id = $1 AND p.entry_id = ANY($2::uuid[])
       ORDER BY p.entry_id, p.amount DESC, a.code`,
      [tenantId, entryIds],
    );
  }

  findBalancesOfTenant(tenantId: string): Promise<BalanceRow[]> {
    return this.dataSource.query(
      `SELECT b.account_id, a.code, a.name, a.type, b.currency, b.debits::text AS debits, b.credits::text AS credits, b.balance::text AS balance
       FROM finance.account_balances b JOIN finance.accounts a ON a.id = b.account_id
       WHERE b.tenant_id = $1 ORDER BY b.currency, a.code`,
      [tenantId],
    );
  }

  async findAccountIdsByCode(tx: EntityManager, tenantId: string, codes: string[]): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await tx.query(
      `SELECT id, code FROM finance.accounts WHERE tenant_id = $1 AND code = ANY($2::text[])`, [tenantId, codes]);
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}

function dimensionValues(d: EntryDimensions): (string | null)[] {
  return [d.stream, d.productId, d.siteId, d.counterpartyId];
}
