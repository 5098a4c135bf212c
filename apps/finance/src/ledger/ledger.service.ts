import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import { JournalEntryView } from '@libs/contracts';
import { EntryDimensions, EntryRow, LedgerRepository, NewPosting, PostingRow } from './ledger.repository';

export interface LedgerLine {
  /** Chart-of-accounts code of the agency, e.g. `1100`. */
  accountCode: string;
  currency: string;
  /** Minor units, signed: debit positive, credit negative; never zero. */
  amount: bigint;
}

export interface EntryToPost {
  tenantId: string;
  /** The fact recorded; posting the same key again changes nothing. */
  sourceKey: string;
  /** `YYYY-MM-DD`. */
  postedOn: string;
  description: string;
  lines: LedgerLine[];
  /** For reports: the stream, product, site and counterparty the entry is about (none when omitted). */
  dimensions?: EntryDimensions;
}

export interface PostedEntry {
  entryId: string;
  /** False when the source key was posted before: nothing was written. */
  created: boolean;
}

/** Double-entry bookkeeping: entries that balance per currency, posted once per fact, never changed. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  /** Posts in the caller's transaction; the database checks the balance again at commit. */
  async post(tx: EntityManager, entry: EntryToPost): Promise<PostedEntry> {
    const accountIds = await this.ledger.findAccountIdsByCode(tx, entry.tenantId, [...new Set(entry.lines.map((l) => l.accountCode))]);
    const postings = entry.lines.map((line, index): NewPosting => {
      const accountId = accountIds.get(line.accountCode);
      if (!accountId) throw new ValidationFailedError([{ field: `lines[${index}].accountCode`, message: `no account ${line.accountCode} in the chart of accounts` }]);
      return { accountId, currency: line.currency, amount: line.amount };
    });
    return this.record(tx, { ...entry, reversesEntryId: null }, postings);
  }

  /** Posts the negation of an entry, linked to it; an entry is reversed at most once. */
  reverse(tenantId: string, entryId: string, postedOn: string): Promise<PostedEntry> {
    return this.dataSource.transaction(async (tx) => {
      const original = await this.ledger.findEntryOfTenant(tenantId, entryId, tx);
      if (!original) throw new NotFoundError('journal entry', entryId);
      const postings = await this.ledger.findPostingsOfEntries(tenantId, [entryId], tx);
      const reversal = await this.record(
        tx,
        {
          tenantId, sourceKey: `reversal-of:${entryId}`, postedOn, description: `Reversal of: ${original.description}`, reversesEntryId: entryId,
          // A reversal belongs where the entry it negates does, so reports net them.
          dimensions: { stream: original.stream, productId: original.product_id, siteId: original.site_id, counterpartyId: original.counterparty_id },
        },
        postings.map((p) => ({ accountId: p.account_id, currency: p.currency, amount: -BigInt(p.amount) })),
      );
      if (!reversal.created) throw new ConflictError(`journal entry ${entryId} is already reversed by ${reversal.entryId}`);
      return reversal;
    });
  }

  async view(tenantId: string, entryId: string): Promise<JournalEntryView> {
    const entry = await this.ledger.findEntryOfTenant(tenantId, entryId);
    if (!entry) throw new NotFoundError('journal entry', entryId);
    return toView(entry, await this.ledger.findPostingsOfEntries(tenantId, [entry.id]));
  }

  private async record(
    tx: EntityManager,
    entry: Omit<EntryToPost, 'lines'> & { reversesEntryId: string | null },
    postings: NewPosting[],
  ): Promise<PostedEntry> {
    assertBalanced(postings);
    const entryId = await this.ledger.insertEntryUnlessPosted(tx, entry);
    if (!entryId) {
      const existing = await this.ledger.findEntryIdBySourceKey(tx, entry.tenantId, entry.sourceKey);
      if (!existing) throw new Error(`journal entry ${entry.sourceKey} vanished`);
      return { entryId: existing, created: false };
    }
    await this.ledger.insertPostings(tx, entry.tenantId, entryId, postings);
    await this.ledger.addToBalances(tx, entry.tenantId, postings);
    return { entryId, created: true };
  }
}

/** Refuses early what the database would refuse at commit, naming the line. */
function assertBalanced(postings: NewPosting[]): void {
  if (postings.length === 0) throw new ValidationFailedError([{ field: 'lines', message: 'an entry has at least two lines' }]);
  const zero = postings.findIndex((p) => p.amount === 0n);
  if (zero >= 0) throw new ValidationFailedError([{ field: `lines[${zero}].amount`, message: 'a posting is never zero' }]);
  const sums = new Map<string, bigint>();
  for (const p of postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amount);
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new ValidationFailedError([{ field: 'lines', message: `the lines in ${currency} sum to ${sum}, not zero` }]);
  }
}

export function toView(entry: EntryRow, postings: PostingRow[]): JournalEntryView {
  return {
    id: entry.id,
    sourceKey: entry.source_key,
    postedOn: entry.posted_on,
    description: entry.description,
    reversesEntryId: entry.reverses_entry_id,
    createdAt: entry.created_at.toISOString(),
    stream: entry.stream,
    productId: entry.product_id,
    siteId: entry.site_id,
    counterpartyId: entry.counterparty_id,
    postings: postings
      .filter((p) => p.entry_id === entry.id)
      .map((p) => ({ id: p.id, accountId: p.account_id, accountCode: p.account_code, currency: p.currency.trim(), amount: p.amount })),
  };
}
