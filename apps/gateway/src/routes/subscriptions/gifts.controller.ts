import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreatedGiftView,
  CreateGift,
  CreateGiftRequest,
  GetGift,
  GiftListResponse,
  GiftRedemptionView,
  GiftView,
  ListGifts,
  ListGiftsRequest,
  RedeemGift,
  RedeemGiftRequest,
  ReissueGiftCode,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';
import { ShownOnce } from '../../idempotency/shown-once.decorator';

/** Gifts: N months of a plan, redeemed once with a claim code. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/gifts')
export class SubscriptionsGiftsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ShownOnce()
  @Access(CreateGift)
  @ApiOperation({
    summary:
      'Record a paid gift of N months of a plan; answers the claim code and link (`<PUBLIC_BASE_URL>/gift/<code>`), shown this once',
  })
  @ApiCreatedResponse({ type: CreatedGiftView })
  createGift(@Body() body: CreateGiftRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateGift, body, caller);
  }

  @Post('redeem')
  @HttpCode(200)
  @Access(RedeemGift)
  @ApiSecurity('siteKey')
  @ApiOperation({
    summary: 'Redeem a gift code once for a reader (409 when already redeemed or expired, 404 when unknown)',
  })
  @ApiOkResponse({ type: GiftRedemptionView })
  redeemGift(@Body() body: RedeemGiftRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(RedeemGift, body, caller);
  }

  @Get()
  @Access(ListGifts)
  @ApiOperation({
    summary: "The agency's gifts, newest first: `limit` (1-100), `before` (the previous page's `nextBefore`)",
  })
  @ApiOkResponse({ type: GiftListResponse })
  listGifts(@Query() query: ListGiftsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListGifts, query, caller);
  }

  @Get(':id')
  @Access(GetGift)
  @ApiOkResponse({ type: GiftView })
  getGift(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetGift, { id }, caller);
  }

  @Post(':id/reissue-code')
  @ShownOnce()
  @HttpCode(200)
  @Access(ReissueGiftCode)
  @ApiOperation({
    summary:
      'A new claim code for an unredeemed gift, shown this once; the old code stops working (409 once redeemed or expired)',
  })
  @ApiOkResponse({ type: CreatedGiftView })
  reissueGiftCode(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ReissueGiftCode, { id }, caller);
  }
}
