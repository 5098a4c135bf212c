import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface NewEntry {
  tenantId: string;
  sourceKey: string;
  postedOn: string;
  description: string;
  reversesEntryId: string | null;
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

const ENTRY_COLUMNS = `id, source_key, to_char(posted_on, 'YYYY-MM-DD') AS posted_on, description, reverses_entry_id, created_at`;

/** The only code that writes SQL for journal entries, postings and account balances. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the entry unless its source key is already posted; answers the new id, or null. */
  async insertEntryUnlessPosted(tx: EntityManager, entry: NewEntry): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO finance.journal_entries (tenant_id, source_key, posted_on, description, reverses_entry_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, source_key) DO NOTHING RETURNING id`,
      [entry.tenantId, entry.sourceKey, entry.postedOn, entry.description, entry.reversesEntryId],
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

  /** Newest first; `before` (an entry id) starts the page after that entry. */
  findEntryPageOfTenant(tenantId: string, limit: number, before?: string): Promise<EntryRow[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM finance.journal_entries e
       WHERE e.tenant_id = $1
         AND ($3::uuid IS NULL OR (e.created_at, e.id) < (SELECT b.created_at, b.id FROM finance.journal_entries b WHERE b.tenant_id = $1 AND b.id = $3))
       ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      [tenantId, limit, before ?? null],
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
