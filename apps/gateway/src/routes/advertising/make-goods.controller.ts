import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AcceptMakeGoodAsCredit,
  AcceptMakeGoodAsLine,
  GetMakeGood,
  ListMakeGoods,
  ListMakeGoodsRequest,
  MakeGoodLineTerms,
  MakeGoodListResponse,
  MakeGoodReason,
  MakeGoodView,
  RejectMakeGood,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Make-goods: lines that ended short of their goal, proposed for ad ops to make good or reject. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/make-goods')
export class AdvertisingMakeGoodsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListMakeGoods)
  @ApiOperation({ summary: "Make-good proposals, newest first (100 at most); an advertiser's key sees only its own" })
  @ApiOkResponse({ type: MakeGoodListResponse })
  listMakeGoods(@Query() query: ListMakeGoodsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListMakeGoods, query, caller);
  }

  @Get(':id')
  @Access(GetMakeGood)
  @ApiOkResponse({ type: MakeGoodView })
  getMakeGood(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetMakeGood, { id }, caller);
  }

  @Post(':id/accept-as-line')
  @HttpCode(200)
  @Access(AcceptMakeGoodAsLine)
  @ApiOperation({
    summary:
      "Accept as a new line linked to the short one, at no charge in an order of its own: booked against capacity (409 naming the days without room), serving the short line's creatives",
  })
  @ApiOkResponse({ type: MakeGoodView })
  acceptMakeGoodAsLine(
    @Param('id', UuidParam) id: string,
    @Body() body: MakeGoodLineTerms,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(AcceptMakeGoodAsLine, { ...body, id }, caller);
  }

  @Post(':id/accept-as-credit')
  @HttpCode(200)
  @Access(AcceptMakeGoodAsCredit)
  @ApiOperation({ summary: 'Accept as a credit of its amount (MakeGoodCredited: finance books it)' })
  @ApiOkResponse({ type: MakeGoodView })
  acceptMakeGoodAsCredit(
    @Param('id', UuidParam) id: string,
    @Body() body: MakeGoodReason,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(AcceptMakeGoodAsCredit, { ...body, id }, caller);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access(RejectMakeGood)
  @ApiOperation({ summary: 'Reject with a reason' })
  @ApiOkResponse({ type: MakeGoodView })
  rejectMakeGood(@Param('id', UuidParam) id: string, @Body() body: MakeGoodReason, @CallerFor() caller: Caller) {
    return this.rpc.request(RejectMakeGood, { ...body, id }, caller);
  }
}
