import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AccountingPeriodListResponse,
  AccountingPeriodView,
  ClosePeriod,
  ClosePeriodRequest,
  GetMonthEndChecklist,
  ListAccountingPeriods,
  MonthEndChecklistRequest,
  MonthEndChecklistView,
  ReopenPeriod,
  ReopenPeriodRequest,
  TenantScopedRequest,
} from '@libs/contracts';
import { AccountingPeriodsService } from './accounting-periods.service';

@Controller()
export class AccountingPeriodsRpcController {
  constructor(private readonly periods: AccountingPeriodsService) {}

  @RpcHandler(ListAccountingPeriods)
  async list(
    @Payload() _request: TenantScopedRequest,
    @CallerOf() caller: Caller,
  ): Promise<AccountingPeriodListResponse> {
    return { items: await this.periods.list(caller.tenantId) };
  }

  @RpcHandler(GetMonthEndChecklist)
  checklist(@Payload() request: MonthEndChecklistRequest, @CallerOf() caller: Caller): Promise<MonthEndChecklistView> {
    return this.periods.checklist(caller.tenantId, request.month);
  }

  @RpcHandler(ClosePeriod)
  close(@Payload() request: ClosePeriodRequest, @CallerOf() caller: Caller): Promise<AccountingPeriodView> {
    return this.periods.close(caller.tenantId, request.month, caller.actor);
  }

  @RpcHandler(ReopenPeriod)
  reopen(@Payload() request: ReopenPeriodRequest, @CallerOf() caller: Caller): Promise<AccountingPeriodView> {
    return this.periods.reopen(caller.tenantId, request.month, request.reason, caller.actor);
  }
}
