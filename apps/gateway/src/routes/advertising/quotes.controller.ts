import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { MakeQuote, QuoteRequest, QuoteView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Prices of proposed lines, the arithmetic shown. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/quotes')
export class AdvertisingQuotesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @Access(MakeQuote)
  @ApiOperation({
    summary:
      "Quote a proposed line from its unit's rate card: list price, seasonal multipliers, volume discount, agency commission, VAT, total (nothing is held)",
  })
  @ApiOkResponse({ type: QuoteView })
  makeQuote(@Body() body: QuoteRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(MakeQuote, body, caller);
  }
}
