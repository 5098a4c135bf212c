import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  CouponListResponse,
  CouponView,
  CreateCoupon,
  CreateCouponRequest,
  ListCoupons,
  TenantScopedRequest,
} from '@libs/contracts';
import { CouponsService } from './coupons.service';

@Controller()
export class CouponsRpcController {
  constructor(private readonly coupons: CouponsService) {}

  @RpcHandler(CreateCoupon)
  create(@Payload() request: CreateCouponRequest, @CallerOf() caller: Caller): Promise<CouponView> {
    return this.coupons.create(caller.tenantId, request);
  }

  @RpcHandler(ListCoupons)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<CouponListResponse> {
    return { items: await this.coupons.list(caller.tenantId) };
  }
}
