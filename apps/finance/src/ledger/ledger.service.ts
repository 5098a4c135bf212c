import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import { JournalEntryView } from '@libs/contracts';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { monthName, monthOfDay } from '../calendar/calendar-month';
import { AgencyBooksLock } from './agency-books-lock';
import { BalancesAtCommit } from './balances-at-commit';
import { LedgerSourceKey, SourceKey } from './ledger-source-keys';
import {
  EntryDimensions,
  EntryRow,
  entryKey,
  LedgerRepository,
  NewEntry,
  NewPosting,
  PostingContext,
  PostingRow,
} from './ledger.repository';

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
  sourceKey: SourceKey;
  /** `YYYY-MM-DD`, the agency-local day of the fact; a day in a closed month is posted late (see {@link LedgerService.postAll}). */
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
  /** The day the entry stands on in the journal: the first open day for a late fact. */
  postedOn: string;
}

/** Double-entry bookkeeping: entries that balance per currency, posted once per fact, never changed. */
@Injectable()
export class LedgerService {
  /**
   * What posting for an agency needs, read once per transaction: the period lock it takes is held
   * until the transaction ends (no close can move the first open day meanwhile), and the chart's ids do not change.
   */
  private readonly contextsOfTransaction = new WeakMap<EntityManager, Map<string, PostingContext>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly books: AgencyBooksLock,
    private readonly calendar: AgencyCalendar,
    private readonly balances: BalancesAtCommit,
  ) {}

  /** Posts in the caller's transaction; the database checks the balance again at commit. */
  async post(tx: EntityManager, entry: EntryToPost): Promise<PostedEntry> {
    const [posted] = await this.postAll(tx, [entry]);
    return posted;
  }

  /**
   * Posts several entries (of any agencies) in the caller's transaction with a few statements in
   * all, not per entry; answers in the order given. A source key given twice is one entry. An
   * entry dated inside a closed period is a late fact: it is posted on the first open day, keeping
   * its own date and saying why (the database refuses it otherwise).
   */
  async postAll(tx: EntityManager, entries: EntryToPost[]): Promise<PostedEntry[]> {
    if (entries.length === 0) return [];
    const contexts = await this.contextsOf(
      tx,
      entries.map((e) => e.tenantId),
    );
    const toRecord = entries.map((entry): EntryToRecord => {
      const accountIds = contexts.get(entry.tenantId)?.accountIds ?? new Map<string, string>();
      const postings = entry.lines.map((line, index): NewPosting => {
        const accountId = accountIds.get(line.accountCode);
        if (!accountId)
          throw new ValidationFailedError([
            {
              field: `lines[${index}].accountCode`,
              message: `no account ${line.accountCode} in the chart of accounts`,
            },
          ]);
        return { accountId, currency: line.currency, amount: line.amount };
      });
      return { ...entry, reversesEntryId: null, postings };
    });
    return this.record(tx, toRecord, contexts);
  }

  /**
   * Posts the negation of an entry, linked to it and in its dimensions, on the agency-local day of
   * `at`; an entry is reversed at most once. The reversal of an entry in a closed month lands in an
   * open one (the original stays where it is).
   */
  reverse(tenantId: string, entryId: string, at: Date = new Date()): Promise<PostedEntry> {
    return this.dataSource.transaction(async (tx) => {
      await this.books.hold(tx, tenantId);
      const original = await this.ledger.findEntryOfTenant(tenantId, entryId, tx);
      if (!original) throw new NotFoundError('journal entry', entryId);
      const postings = await this.ledger.findPostingsOfEntries(tenantId, [entryId], tx);
      const contexts = await this.contextsOf(tx, [tenantId]);
      const [reversal] = await this.record(
        tx,
        [
          {
            tenantId,
            sourceKey: LedgerSourceKey.reversalOf(entryId),
            postedOn: await this.calendar.dayOf(tx, tenantId, at),
            description: `Reversal of: ${original.description}`,
            reversesEntryId: entryId,
            // A reversal belongs where the entry it negates does, so reports net them.
            dimensions: {
              stream: original.stream,
              productId: original.product_id,
              siteId: original.site_id,
              counterpartyId: original.counterparty_id,
            },
            postings: postings.map((p) => ({
              accountId: p.account_id,
              currency: p.currency,
              amount: -BigInt(p.amount),
            })),
          },
        ],
        contexts,
      );
      if (!reversal.created)
        throw new ConflictError(`journal entry ${entryId} is already reversed by ${reversal.entryId}`);
      return reversal;
    });
  }

  async view(tenantId: string, entryId: string): Promise<JournalEntryView> {
    const entry = await this.ledger.findEntryOfTenant(tenantId, entryId);
    if (!entry) throw new NotFoundError('journal entry', entryId);
    return toView(entry, await this.ledger.findPostingsOfEntries(tenantId, [entry.id]));
  }

  /** The agencies' posting contexts, read once per transaction (every call outside one reads them afresh). */
  private async contextsOf(tx: EntityManager, tenantIds: string[]): Promise<Map<string, PostingContext>> {
    const inTransaction = tx.queryRunner?.isTransactionActive === true;
    const known = (inTransaction && this.contextsOfTransaction.get(tx)) || new Map<string, PostingContext>();
    const missing = [...new Set(tenantIds)].filter((tenantId) => !known.has(tenantId));
    if (missing.length > 0) {
      for (const [tenantId, context] of await this.ledger.findPostingContexts(tx, missing))
        known.set(tenantId, context);
    }
    if (inTransaction) this.contextsOfTransaction.set(tx, known);
    return known;
  }

  /** Inserts the entries not posted before and their postings; their totals (running and per day) move at commit. */
  private async record(
    tx: EntityManager,
    entries: EntryToRecord[],
    contexts: Map<string, PostingContext>,
  ): Promise<PostedEntry[]> {
    entries.forEach((entry) => assertBalanced(entry.postings));
    const distinct = new Map<string, EntryToRecord>();
    for (const entry of entries) {
      const key = entryKey(entry.tenantId, entry.sourceKey);
      if (!distinct.has(key)) distinct.set(key, entry);
    }
    const dated = [...distinct.values()].map((entry) => ({
      ...entry,
      ...datingOf(entry.postedOn, contexts.get(entry.tenantId)?.firstOpenDay ?? null),
    }));
    const created = await this.ledger.insertEntriesUnlessPosted(tx, dated);
    const inserted = dated.filter((e) => created.has(entryKey(e.tenantId, e.sourceKey)));
    if (inserted.length > 0) {
      await this.ledger.insertPostings(
        tx,
        inserted.flatMap((e) =>
          e.postings.map((p) => ({
            ...p,
            tenantId: e.tenantId,
            entryId: created.get(entryKey(e.tenantId, e.sourceKey))!,
          })),
        ),
      );
      await this.balances.add(
        tx,
        inserted.flatMap((e) => e.postings.map((p) => ({ ...p, tenantId: e.tenantId, day: e.postedOn }))),
      );
    }
    const earlier =
      dated.length > inserted.length
        ? await this.ledger.findEntriesBySourceKeys(
            tx,
            dated.filter((e) => !created.has(entryKey(e.tenantId, e.sourceKey))),
          )
        : new Map<string, { id: string; postedOn: string }>();
    const postedOn = new Map(inserted.map((e) => [entryKey(e.tenantId, e.sourceKey), e.postedOn]));
    const answered = new Set<string>();
    return entries.map((entry) => {
      const key = entryKey(entry.tenantId, entry.sourceKey);
      const first = !answered.has(key);
      answered.add(key);
      const createdId = created.get(key);
      if (createdId) return { entryId: createdId, created: first, postedOn: postedOn.get(key)! };
      const existing = earlier.get(key);
      if (!existing) throw new Error(`journal entry ${entry.sourceKey} vanished`);
      return { entryId: existing.id, created: false, postedOn: existing.postedOn };
    });
  }
}

interface EntryToRecord extends Omit<EntryToPost, 'lines'> {
  reversesEntryId: string | null;
  postings: NewPosting[];
}

/** Where an entry dated `postedOn` goes when the books are open from `firstOpenDay` on. */
function datingOf(
  postedOn: string,
  firstOpenDay: string | null,
): Pick<NewEntry, 'postedOn' | 'datedOriginally' | 'lateReference'> {
  if (firstOpenDay === null || postedOn >= firstOpenDay)
    return { postedOn, datedOriginally: null, lateReference: null };
  return {
    postedOn: firstOpenDay,
    datedOriginally: postedOn,
    lateReference: `late: ${postedOn}, ${monthName(monthOfDay(postedOn))} closed`,
  };
}

/** Refuses early what the database would refuse at commit, naming the line. */
function assertBalanced(postings: NewPosting[]): void {
  if (postings.length === 0)
    throw new ValidationFailedError([{ field: 'lines', message: 'an entry has at least two lines' }]);
  const zero = postings.findIndex((p) => p.amount === 0n);
  if (zero >= 0)
    throw new ValidationFailedError([{ field: `lines[${zero}].amount`, message: 'a posting is never zero' }]);
  const sums = new Map<string, bigint>();
  for (const p of postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amount);
  for (const [currency, sum] of sums) {
    if (sum !== 0n)
      throw new ValidationFailedError([
        { field: 'lines', message: `the lines in ${currency} sum to ${sum}, not zero` },
      ]);
  }
}

export function toView(entry: EntryRow, postings: PostingRow[]): JournalEntryView {
  return {
    id: entry.id,
    sourceKey: entry.source_key,
    postedOn: entry.posted_on,
    description: entry.description,
    reversesEntryId: entry.reverses_entry_id,
    datedOriginally: entry.dated_originally,
    lateReference: entry.late_reference,
    createdAt: entry.created_at.toISOString(),
    stream: entry.stream,
    productId: entry.product_id,
    siteId: entry.site_id,
    counterpartyId: entry.counterparty_id,
    postings: postings
      .filter((p) => p.entry_id === entry.id)
      .map((p) => ({
        id: p.id,
        accountId: p.account_id,
        accountCode: p.account_code,
        currency: p.currency.trim(),
        amount: p.amount,
      })),
  };
}
