import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  BookTakeover,
  BookTakeoverRequest,
  OrderView,
  ProposedTakeover,
  QuoteTakeover,
  TakeoverQuoteView,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Takeovers (roadblocks): every unit of a page for one advertiser, each day of a flight, all or none. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/takeovers')
export class AdvertisingTakeoversController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(BookTakeover)
  @ApiOperation({
    summary:
      "Book a takeover: a draft order holding every unit of the page (`pageId`) or of the units named (`adUnitIds`, one site) exclusively for every day of the flight, in one transaction — all or none (409 naming each unit and day taken by anyone else). Priced as the sum of the units' sponsorships. Send an Idempotency-Key: a retry books once",
  })
  @ApiCreatedResponse({ type: OrderView })
  bookTakeover(@Body() body: BookTakeoverRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(BookTakeover, body, caller);
  }

  @Post('quote')
  @HttpCode(200)
  @Access(QuoteTakeover)
  @ApiOperation({
    summary:
      "Quote a takeover: each unit's sponsorship over the flight from its own rate card, step by step, and the sum (nothing is held)",
  })
  @ApiOkResponse({ type: TakeoverQuoteView })
  quoteTakeover(@Body() body: ProposedTakeover, @CallerFor() caller: Caller) {
    return this.rpc.request(QuoteTakeover, body, caller);
  }
}
