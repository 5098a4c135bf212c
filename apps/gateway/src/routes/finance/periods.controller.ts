import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AccountingPeriodListResponse,
  AccountingPeriodView,
  ClosePeriod,
  GetMonthEndChecklist,
  ListAccountingPeriods,
  MonthEndChecklistView,
  ReopenPeriod,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { MonthParam } from '../../http/month-param.pipe';
import { ReopenPeriodBody } from './reopen-period.body';

/** Accounting periods: calendar months in the agency's time zone, their month-end checklist, close and reopen. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/periods')
export class FinancePeriodsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListAccountingPeriods)
  @ApiOperation({
    summary: "Months (in the agency's time zone) that have postings or were closed, oldest first, each open or closed",
  })
  @ApiOkResponse({ type: AccountingPeriodListResponse })
  list(@CallerFor() caller: Caller) {
    return this.rpc.request(ListAccountingPeriods, {}, caller);
  }

  @Get(':month/checklist')
  @Access(GetMonthEndChecklist)
  @ApiOperation({
    summary:
      'What stands between a month (`YYYY-MM`) and its close: schedules not recognized through its end, events of the month still waiting, ' +
      'reconciliation exceptions of the month open, an earlier month still open; `readyToClose` when none',
  })
  @ApiOkResponse({ type: MonthEndChecklistView })
  checklist(@Param('month', MonthParam) month: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetMonthEndChecklist, { month }, caller);
  }

  @Post(':month/close')
  @HttpCode(200)
  @Access(ClosePeriod)
  @ApiOperation({
    summary:
      'Close a month that has ended (`YYYY-MM`): no posting dated inside it is accepted any more, late facts are posted on the first open day. ' +
      'Months close in order (409 while an earlier month with postings is open)',
  })
  @ApiOkResponse({ type: AccountingPeriodView })
  close(@Param('month', MonthParam) month: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ClosePeriod, { month }, caller);
  }

  @Post(':month/reopen')
  @HttpCode(200)
  @Access(ReopenPeriod)
  @ApiOperation({ summary: 'Reopen the latest closed month, with a `reason` (409 for any other month); audited' })
  @ApiOkResponse({ type: AccountingPeriodView })
  reopen(@Param('month', MonthParam) month: string, @Body() body: ReopenPeriodBody, @CallerFor() caller: Caller) {
    return this.rpc.request(ReopenPeriod, { month, reason: body.reason }, caller);
  }
}
