import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AccountBalanceRequest,
  AccountBalanceView,
  ByIdRequest,
  GetAccountBalance,
  GetJournalEntry,
  GetTrialBalance,
  JournalEntryListResponse,
  JournalEntryView,
  ListJournalEntries,
  ListJournalEntriesRequest,
  ReverseJournalEntry,
  TrialBalanceRequest,
  TrialBalanceResponse,
} from '@libs/contracts';
import { LedgerReportsService } from './ledger-reports.service';
import { LedgerService } from './ledger.service';

@Controller()
export class JournalEntriesRpcController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly reports: LedgerReportsService,
  ) {}

  @RpcHandler(ListJournalEntries)
  list(@Payload() request: ListJournalEntriesRequest, @CallerOf() caller: Caller): Promise<JournalEntryListResponse> {
    return this.reports.journal(caller.tenantId, request);
  }

  @RpcHandler(GetJournalEntry)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<JournalEntryView> {
    return this.ledger.view(caller.tenantId, request.id);
  }

  @RpcHandler(ReverseJournalEntry)
  async reverse(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<JournalEntryView> {
    const reversal = await this.ledger.reverse(caller.tenantId, request.id);
    return this.ledger.view(caller.tenantId, reversal.entryId);
  }

  @RpcHandler(GetTrialBalance)
  trialBalance(@Payload() request: TrialBalanceRequest, @CallerOf() caller: Caller): Promise<TrialBalanceResponse> {
    return this.reports.trialBalance(caller.tenantId, request.asOf);
  }

  @RpcHandler(GetAccountBalance)
  accountBalance(@Payload() request: AccountBalanceRequest, @CallerOf() caller: Caller): Promise<AccountBalanceView> {
    return this.reports.accountBalance(caller.tenantId, request.id, request.asOf);
  }
}
