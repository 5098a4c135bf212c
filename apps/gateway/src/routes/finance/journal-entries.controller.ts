import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetJournalEntry,
  JournalEntryListResponse,
  JournalEntryView,
  ListJournalEntries,
  ListJournalEntriesRequest,
  ReverseJournalEntry,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Journal entries with their postings, and their reversal. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/journal-entries')
export class FinanceJournalEntriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListJournalEntries)
  @ApiOperation({
    summary:
      "Journal entries with their postings, newest first: `limit` (1-100), `before` (the previous page's `nextBefore`); " +
      'filters `stream`, `productId`, `siteId`, `counterpartyId`',
  })
  @ApiOkResponse({ type: JournalEntryListResponse })
  listJournalEntries(@Query() query: ListJournalEntriesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListJournalEntries, query, caller);
  }

  @Get(':id')
  @Access(GetJournalEntry)
  @ApiOkResponse({ type: JournalEntryView })
  getJournalEntry(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetJournalEntry, { id }, caller);
  }

  @Post(':id/reversal')
  @Access(ReverseJournalEntry)
  @ApiOperation({
    summary:
      'Correct an entry: post its reversing entry (postings negated, dated today UTC); an entry is reversed at most once (409)',
  })
  @ApiCreatedResponse({ type: JournalEntryView })
  reverseJournalEntry(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ReverseJournalEntry, { id }, caller);
  }
}
