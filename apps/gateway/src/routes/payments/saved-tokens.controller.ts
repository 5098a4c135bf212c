import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ListSavedTokens,
  ListSavedTokensRequest,
  RevokeSavedToken,
  SavedTokenListResponse,
  SavedTokenView,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Payers' wallets saved on the rails: ids and labels, never a token. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/payments/saved-tokens')
export class PaymentsSavedTokensController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListSavedTokens)
  @ApiOperation({
    summary: 'Saved wallets, newest first: `payerKey`, `status`, `limit` (1-100), `before` (the previous `nextBefore`)',
  })
  @ApiOkResponse({ type: SavedTokenListResponse })
  listSavedTokens(@Query() query: ListSavedTokensRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListSavedTokens, query, caller);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Access(RevokeSavedToken)
  @ApiOperation({ summary: 'Never charge this wallet again; its rail is asked to unbind it' })
  @ApiOkResponse({ type: SavedTokenView })
  revokeSavedToken(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(RevokeSavedToken, { id }, caller);
  }
}
