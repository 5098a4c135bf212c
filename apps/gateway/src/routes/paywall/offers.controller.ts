import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { GetOffers, OfferSetView, ReplaceOffers, ReplaceOffersRequest } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** The agency's ordered paywall offers. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/offers')
export class PaywallOffersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetOffers)
  @ApiOperation({ summary: 'The current offers in order, with their revision (0 before the first)' })
  @ApiOkResponse({ type: OfferSetView })
  currentOffers(@CallerFor() caller: Caller) {
    return this.rpc.request(GetOffers, {}, caller);
  }

  @Put()
  @Access(ReplaceOffers)
  @ApiOperation({
    summary: 'Replace the ordered offers (a new revision; `basedOnRevision` guards against a concurrent edit with 409)',
  })
  @ApiOkResponse({ type: OfferSetView })
  replaceOffers(@Body() body: ReplaceOffersRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ReplaceOffers, body, caller);
  }
}
