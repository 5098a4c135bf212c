import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetReconciliationException,
  ListReconciliationExceptions,
  ListReconciliationExceptionsRequest,
  ReconciliationExceptionListResponse,
  ReconciliationExceptionView,
  ResolveReconciliationException,
  ResolveReconciliationExceptionBody,
} from '@libs/contracts';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { UuidParam } from '../../../http/uuid-param.pipe';

/** Reconciliation exceptions: what did not match, for finance to resolve. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reconciliation/exceptions')
export class FinanceReconciliationExceptionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListReconciliationExceptions)
  @ApiOperation({
    summary:
      "Reconciliation exceptions, newest first: `kind`, `status`, `limit` (1-100), `before` (the previous page's `nextBefore`)",
  })
  @ApiOkResponse({ type: ReconciliationExceptionListResponse })
  listExceptions(@Query() query: ListReconciliationExceptionsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListReconciliationExceptions, query, caller);
  }

  @Get(':id')
  @Access(GetReconciliationException)
  @ApiOkResponse({ type: ReconciliationExceptionView })
  getException(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetReconciliationException, { id }, caller);
  }

  @Post(':id/resolution')
  @Access(ResolveReconciliationException)
  @ApiOperation({
    summary:
      'Resolve an open exception with a reason: `match` (give the entryId, stripeTransactionId, bankLineId or payoutId it belongs to), ' +
      '`adjust` (post the difference to the reconciled account against `accountCode`) or `write-off` (the same, to an expense or revenue account). ' +
      'Audited; never raised again. 409 when it is not open',
  })
  @ApiCreatedResponse({ type: ReconciliationExceptionView })
  resolveException(
    @Param('id', UuidParam) id: string,
    @Body() body: ResolveReconciliationExceptionBody,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(ResolveReconciliationException, { ...body, id }, caller);
  }
}
