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
  /** A late fact's own date, when it fell in a closed period. */
  datedOriginally: string | null;
  lateReference: string | null;
  dimensions?: EntryDimensions;
}

export interface NewPosting {
  accountId: string;
  currency: string;
  amount: bigint;
}

/** A posting as it moves an account's totals: on the entry's day, for its agency. */
export interface BalanceMovement extends NewPosting {
  tenantId: string;
  day: string;
}

/** What posting for an agency needs to know, read in one statement. */
export interface PostingContext {
  /** The day after the agency's latest closed month; null while no month is closed. */
  firstOpenDay: string | null;
  accountIds: Map<string, string>;
}

export interface EntryRow {
  id: string;
  source_key: string;
  posted_on: string;
  description: string;
  reverses_entry_id: string | null;
  dated_originally: string | null;
  late_reference: string | null;
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

const ENTRY_COLUMNS = `id, source_key, to_char(posted_on, 'YYYY-MM-DD') AS posted_on, description, reverses_entry_id,
  to_char(dated_originally, 'YYYY-MM-DD') AS dated_originally, late_reference, created_at, stream, product_id, site_id, counterparty_id`;

/** The only code that writes SQL for journal entries, postings and account balances. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The first open day and the chart of accounts (code to id) of each agency, for postings about to
   * be made. Reading the first open day takes the agency's period lock (shared) until the
   * transaction ends, so no close can slip between this read and the insert. Agencies in a fixed
   * order, like every lock here.
   */
  async findPostingContexts(tx: EntityManager, tenantIds: string[]): Promise<Map<string, PostingContext>> {
    const rows: { tenant_id: string; first_open_day: string | null; accounts: Record<string, string> }[] =
      await tx.query(
        `SELECT t.tenant_id, to_char(finance.first_open_day(t.tenant_id), 'YYYY-MM-DD') AS first_open_day,
              (SELECT coalesce(json_object_agg(a.code, a.id), '{}'::json) FROM finance.accounts a WHERE a.tenant_id = t.tenant_id) AS accounts
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(tenant_id, n) ORDER BY t.n`,
        [[...new Set(tenantIds)].sort()],
      );
    return new Map(
      rows.map((r) => [
        r.tenant_id,
        { firstOpenDay: r.first_open_day, accountIds: new Map(Object.entries(r.accounts)) },
      ]),
    );
  }

  /**
   * Inserts each entry unless its source key is already posted (the keys of `entries` are distinct);
   * answers the new ids by key (see {@link entryKey}), and nothing for the keys posted before.
   * In key order, so that transactions posting the same facts wait for each other, never in a circle.
   */
  async insertEntriesUnlessPosted(tx: EntityManager, entries: NewEntry[]): Promise<Map<string, string>> {
    const dimensions = entries.map((e) => e.dimensions ?? NO_DIMENSIONS);
    const rows: { id: string; tenant_id: string; source_key: string }[] = await tx.query(
      `INSERT INTO finance.journal_entries
         (tenant_id, source_key, posted_on, description, reverses_entry_id, dated_originally, late_reference, stream, product_id, site_id, counterparty_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::uuid[], $6::date[], $7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::uuid[])
         AS e(tenant_id, source_key, posted_on, description, reverses_entry_id, dated_originally, late_reference, stream, product_id, site_id, counterparty_id)
       ORDER BY e.tenant_id, e.source_key
       ON CONFLICT (tenant_id, source_key) DO NOTHING
       RETURNING id, tenant_id, source_key`,
      [
        entries.map((e) => e.tenantId),
        entries.map((e) => e.sourceKey),
        entries.map((e) => e.postedOn),
        entries.map((e) => e.description),
        entries.map((e) => e.reversesEntryId),
        entries.map((e) => e.datedOriginally),
        entries.map((e) => e.lateReference),
        dimensions.map((d) => d.stream),
        dimensions.map((d) => d.productId),
        dimensions.map((d) => d.siteId),
        dimensions.map((d) => d.counterpartyId),
      ],
    );
    return new Map(rows.map((r) => [entryKey(r.tenant_id, r.source_key), r.id]));
  }

  async findAccountIdsByCode(tx: EntityManager, tenantId: string, codes: string[]): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await tx.query(
      `SELECT id, code FROM finance.accounts WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [tenantId, codes],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  async findEntryIdBySourceKey(tx: EntityManager, tenantId: string, sourceKey: string): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM finance.journal_entries WHERE tenant_id = $1 AND source_key = $2`,
      [tenantId, sourceKey],
    );
    return rows[0]?.id ?? null;
  }

  /** The ids and days of entries posted before, by key (see {@link entryKey}). */
  async findEntriesBySourceKeys(
    tx: EntityManager,
    keys: { tenantId: string; sourceKey: string }[],
  ): Promise<Map<string, { id: string; postedOn: string }>> {
    const rows: { id: string; tenant_id: string; source_key: string; posted_on: string }[] = await tx.query(
      `SELECT e.id, e.tenant_id, e.source_key, to_char(e.posted_on, 'YYYY-MM-DD') AS posted_on FROM finance.journal_entries e
       JOIN unnest($1::uuid[], $2::text[]) AS k(tenant_id, source_key) ON e.tenant_id = k.tenant_id AND e.source_key = k.source_key`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.sourceKey)],
    );
    return new Map(rows.map((r) => [entryKey(r.tenant_id, r.source_key), { id: r.id, postedOn: r.posted_on }]));
  }

  async insertPostings(
    tx: EntityManager,
    postings: (NewPosting & { tenantId: string; entryId: string })[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount)
       SELECT p.tenant_id, p.entry_id, p.account_id, p.currency, p.amount
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[]) AS p(tenant_id, entry_id, account_id, currency, amount)`,
      [
        postings.map((p) => p.tenantId),
        postings.map((p) => p.entryId),
        postings.map((p) => p.accountId),
        postings.map((p) => p.currency),
        postings.map((p) => p.amount.toString()),
      ],
    );
  }

  /**
   * Adds postings to the running totals and to their day's totals, in one statement (see
   * `BalancesAtCommit`, its one caller). Rows are summed per key first (one statement may touch a
   * row once) and locked in a fixed order (agency, account, currency, day), so concurrent
   * transactions cannot deadlock on them.
   */
  async addToBalances(tx: EntityManager, movements: BalanceMovement[]): Promise<void> {
    const running = sumByKey(movements, (m) => [m.tenantId, m.accountId, m.currency]);
    const daily = sumByKey(movements, (m) => [m.tenantId, m.accountId, m.currency, m.day]);
    await tx.query(
      `WITH running AS (
         INSERT INTO finance.account_balances AS b (tenant_id, account_id, currency, debits, credits, balance)
         SELECT r.tenant_id, r.account_id, r.currency, r.debits, r.credits, r.debits - r.credits
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[]) WITH ORDINALITY AS r(tenant_id, account_id, currency, debits, credits, n)
         ORDER BY r.n
         ON CONFLICT (tenant_id, account_id, currency) DO UPDATE
         SET debits = b.debits + EXCLUDED.debits, credits = b.credits + EXCLUDED.credits, balance = b.balance + EXCLUDED.balance
       )
       INSERT INTO finance.account_day_totals AS d (tenant_id, account_id, currency, day, debits, credits)
       SELECT d.tenant_id, d.account_id, d.currency, d.day, d.debits, d.credits
       FROM unnest($6::uuid[], $7::uuid[], $8::text[], $9::date[], $10::bigint[], $11::bigint[]) WITH ORDINALITY AS d(tenant_id, account_id, currency, day, debits, credits, n)
       ORDER BY d.n
       ON CONFLICT (tenant_id, account_id, currency, day) DO UPDATE
       SET debits = d.debits + EXCLUDED.debits, credits = d.credits + EXCLUDED.credits`,
      [
        running.map((r) => r.key[0]),
        running.map((r) => r.key[1]),
        running.map((r) => r.key[2]),
        running.map((r) => r.debits.toString()),
        running.map((r) => r.credits.toString()),
        daily.map((d) => d.key[0]),
        daily.map((d) => d.key[1]),
        daily.map((d) => d.key[2]),
        daily.map((d) => d.key[3]),
        daily.map((d) => d.debits.toString()),
        daily.map((d) => d.credits.toString()),
      ],
    );
  }

  async findEntryOfTenant(
    tenantId: string,
    id: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<EntryRow | null> {
    const rows: EntryRow[] = await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM finance.journal_entries WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** Newest first; `before` (an entry id) starts the page after that entry; a dimension given filters on it. */
  findEntryPageOfTenant(
    tenantId: string,
    limit: number,
    before?: string,
    filter: Partial<EntryDimensions> = {},
  ): Promise<EntryRow[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM finance.journal_entries e
       WHERE e.tenant_id = $1
         AND ($3::uuid IS NULL OR (e.created_at, e.id) < (SELECT b.created_at, b.id FROM finance.journal_entries b WHERE b.tenant_id = $1 AND b.id = $3))
         AND ($4::text IS NULL OR e.stream = $4) AND ($5::uuid IS NULL OR e.product_id = $5)
         AND ($6::uuid IS NULL OR e.site_id = $6) AND ($7::uuid IS NULL OR e.counterparty_id = $7)
       ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      [
        tenantId,
        limit,
        before ?? null,
        filter.stream ?? null,
        filter.productId ?? null,
        filter.siteId ?? null,
        filter.counterpartyId ?? null,
      ],
    );
  }

  findPostingsOfEntries(
    tenantId: string,
    entryIds: string[],
    tx: EntityManager = this.dataSource.manager,
  ): Promise<PostingRow[]> {
    return tx.query(
      `SELECT p.id, p.entry_id, p.account_id, a.code AS account_code, p.currency, p.amount::text AS amount
       FROM finance.postings p JOIN finance.accounts a ON a.id = p.account_id
       WHERE p.tenant_id = $1 AND p.entry_id = ANY($2::uuid[])
       ORDER BY p.entry_id, p.amount DESC, a.code`,
      [tenantId, entryIds],
    );
  }

  /** Now, from the running totals; or at the end of `asOf`, from the daily totals (never the postings). */
  findBalancesOfTenant(tenantId: string, asOf?: string): Promise<BalanceRow[]> {
    return this.dataSource.query(
      `${balancesAsOf(asOf)} WHERE b.tenant_id = $1 ORDER BY b.currency, a.code`,
      asOf ? [tenantId, asOf] : [tenantId],
    );
  }

  findBalancesOfAccount(tenantId: string, accountId: string, asOf?: string): Promise<BalanceRow[]> {
    return this.dataSource.query(
      `${balancesAsOf(asOf)} WHERE b.tenant_id = $1 AND b.account_id = $${asOf ? 3 : 2} ORDER BY b.currency`,
      asOf ? [tenantId, asOf, accountId] : [tenantId, accountId],
    );
  }

  /** The months (`YYYY-MM`) in which the agency has postings, from the daily totals. */
  async findMonthsWithPostings(tenantId: string): Promise<string[]> {
    const rows: { month: string }[] = await this.dataSource.query(
      `SELECT DISTINCT to_char(day, 'YYYY-MM') AS month FROM finance.account_day_totals WHERE tenant_id = $1 ORDER BY month`,
      [tenantId],
    );
    return rows.map((r) => r.month);
  }

  /** The first day with postings in [from, before), `from` null for the beginning of the books. */
  async findFirstDayWithPostings(
    tx: EntityManager,
    tenantId: string,
    from: string | null,
    before: string,
  ): Promise<string | null> {
    const rows: { day: string | null }[] = await tx.query(
      `SELECT to_char(min(day), 'YYYY-MM-DD') AS day FROM finance.account_day_totals
       WHERE tenant_id = $1 AND ($2::date IS NULL OR day >= $2::date) AND day < $3::date`,
      [tenantId, from, before],
    );
    return rows[0]?.day ?? null;
  }
}

/** An entry's identity within the ledger: its agency and source key. */
export function entryKey(tenantId: string, sourceKey: string): string {
  return `${tenantId} ${sourceKey}`;
}

/** `SELECT … FROM <balances> b JOIN accounts a`, the balances now or as of `$2`; the caller adds WHERE and ORDER BY. */
function balancesAsOf(asOf?: string): string {
  const columns = `b.account_id, a.code, a.name, a.type, b.currency, b.debits::text AS debits, b.credits::text AS credits, b.balance::text AS balance`;
  if (!asOf) return `SELECT ${columns} FROM finance.account_balances b JOIN finance.accounts a ON a.id = b.account_id`;
  return `SELECT ${columns} FROM (
      SELECT tenant_id, account_id, currency, sum(debits) AS debits, sum(credits) AS credits, sum(debits) - sum(credits) AS balance
      FROM finance.account_day_totals WHERE tenant_id = $1 AND day <= $2::date GROUP BY tenant_id, account_id, currency
    ) b JOIN finance.accounts a ON a.id = b.account_id`;
}

interface Summed {
  key: string[];
  debits: bigint;
  credits: bigint;
}

/** Debits and credits summed per key, in the keys' sort order. */
function sumByKey(movements: BalanceMovement[], keyOf: (m: BalanceMovement) => string[]): Summed[] {
  const sums = new Map<string, Summed>();
  for (const m of movements) {
    const key = keyOf(m);
    const id = key.join(' ');
    const sum = sums.get(id) ?? { key, debits: 0n, credits: 0n };
    if (m.amount > 0n) sum.debits += m.amount;
    else sum.credits -= m.amount;
    sums.set(id, sum);
  }
  return [...sums.keys()].sort().map((id) => sums.get(id)!);
}
