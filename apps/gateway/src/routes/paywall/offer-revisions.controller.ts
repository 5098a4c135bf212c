import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { ListOfferRevisions, OfferRevisionListResponse, OfferSetView, RestoreOfferRevision } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Every revision of the offers, and rolling back to one. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/offer-revisions')
export class PaywallOfferRevisionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListOfferRevisions)
  @ApiOperation({ summary: 'Every revision of the offers, newest first' })
  @ApiOkResponse({ type: OfferRevisionListResponse })
  listOfferRevisions(@CallerFor() caller: Caller) {
    return this.rpc.request(ListOfferRevisions, {}, caller);
  }

  @Post(':revision/restore')
  @HttpCode(200)
  @Access(RestoreOfferRevision)
  @ApiOperation({ summary: 'Roll back: make an old revision of the offers current again (as a new revision)' })
  @ApiOkResponse({ type: OfferSetView })
  restoreOfferRevision(@Param('revision', ParseIntPipe) revision: number, @CallerFor() caller: Caller) {
    return this.rpc.request(RestoreOfferRevision, { revision }, caller);
  }
}
