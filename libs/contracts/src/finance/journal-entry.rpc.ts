import { Nullable } from '../nullable';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { LIST_PAGE_MAX } from '../list-page';

export const REVENUE_STREAMS = ['subscriptions', 'advertising', 'licensing'] as const;

export type RevenueStream = (typeof REVENUE_STREAMS)[number];

export class PostingView {
  @IsUUID() id!: string;
  @IsUUID() accountId!: string;
  @Matches(/^[0-9]{4,8}$/) accountCode!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Minor units, signed: debit positive, credit negative. */
  @Matches(MINOR_UNITS) amount!: string;
}

export class JournalEntryView {
  @IsUUID() id!: string;
  /** The fact the entry records, e.g. `invoice-paid:in_123`; unique per agency. */
  @IsString() sourceKey!: string;
  /** Accounting date, `YYYY-MM-DD`. */
  @IsString() postedOn!: string;
  @IsString() description!: string;
  /** Set on a reversing entry: the entry it negates. */
  @Nullable() @IsOptional() @IsUUID() reversesEntryId!: string | null;
  /** Set on a late fact: the date it happened, inside a month already closed, so it was posted on `postedOn` instead. */
  @Nullable() @IsOptional() @IsString() datedOriginally!: string | null;
  /** Why a late fact is posted where it is, e.g. `late: 2026-10-31, October 2026 closed`. */
  @Nullable() @IsOptional() @IsString() lateReference!: string | null;
  @IsString() createdAt!: string;
  /** The line of business the entry belongs to, for reports; null for entries of none (manual, bank). */
  @Nullable() @IsOptional() @IsIn(REVENUE_STREAMS) stream!: RevenueStream | null;
  /** The subscription product (gifts) the entry is about, when one is known. */
  @Nullable() @IsOptional() @IsUUID() productId!: string | null;
  /** The agency's site (advertising bookings). */
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  /** The advertiser or licensee the entry is with. */
  @Nullable() @IsOptional() @IsUUID() counterpartyId!: string | null;
  @ValidateNested({ each: true }) @Type(() => PostingView) postings!: PostingView[];
}

export class ListJournalEntriesRequest {
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page: the page starts after this entry. */
  @IsOptional() @IsUUID() before?: string;
  /** Only entries of this revenue stream. */
  @IsOptional() @IsIn(REVENUE_STREAMS) stream?: RevenueStream;
  @IsOptional() @IsUUID() productId?: string;
  @IsOptional() @IsUUID() siteId?: string;
  /** Only entries with this advertiser or licensee. */
  @IsOptional() @IsUUID() counterpartyId?: string;
}

export class JournalEntryListResponse {
  @ValidateNested({ each: true }) @Type(() => JournalEntryView) items!: JournalEntryView[];
  /** Pass as `before` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export const ListJournalEntries = defineRpc({
  subject: 'finance.journal-entry.list.v1',
  request: ListJournalEntriesRequest,
  response: JournalEntryListResponse,
  description:
    "The agency's journal entries with their postings, newest first, a page at a time; filtered by stream, product, site or counterparty when given.",
  roles: ['admin', 'finance'],
});

export const GetJournalEntry = defineRpc({
  subject: 'finance.journal-entry.get.v1',
  request: ByIdRequest,
  response: JournalEntryView,
  description: 'One journal entry of the calling agency, with its postings.',
  roles: ['admin', 'finance'],
});

export const ReverseJournalEntry = defineRpc({
  subject: 'finance.journal-entry.reverse.v1',
  request: ByIdRequest,
  response: JournalEntryView,
  description:
    'Posts the reversing entry of a journal entry (its postings negated, linked to it); an entry is reversed at most once (conflict).',
  roles: ['admin', 'finance'],
});
