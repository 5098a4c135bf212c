import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { CouponListResponse, CouponView, CreateCoupon, CreateCouponRequest, ListCoupons } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Coupons and the promotion codes readers type at checkout. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/coupons')
export class SubscriptionsCouponsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateCoupon)
  @ApiOperation({ summary: 'A discount with an optional promotion code readers type at checkout' })
  @ApiOkResponse({ type: CouponView })
  createCoupon(@Body() body: CreateCouponRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateCoupon, body, caller);
  }

  @Get()
  @Access(ListCoupons)
  @ApiOkResponse({ type: CouponListResponse })
  listCoupons(@CallerFor() caller: Caller) {
    return this.rpc.request(ListCoupons, {}, caller);
  }
}
