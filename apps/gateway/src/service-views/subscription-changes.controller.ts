import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Caller, RpcClient } from '@libs/common';
import {
  ApplyPlanChange,
  CancelPendingPlanChange,
  CouponListResponse,
  CreateTaxRate,
  CreateTaxRateRequest,
  ListTaxRates,
  TaxRateListResponse,
  TaxRateView,
  CouponView,
  CreateCoupon,
  CreateCouponRequest,
  ListCoupons,
  PlanChangePreview,
  PreviewPlanChange,
  ReaderSubscriptionView,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

export class PlanChangeBody {
  @ApiProperty() @IsUUID() planId!: string;
  @ApiProperty({ required: false, description: "unix seconds; pass the preview's to be charged what it showed" })
  @IsOptional()
  @IsInt()
  @Min(0)
  prorationDate?: number;
}

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionChangesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('subscriptions/:id/plan-change-preview')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({ summary: 'What an upgrade or downgrade would charge now and at the next invoice' })
  @ApiOkResponse({ type: PlanChangePreview })
  preview(@Param('id', UuidParam) id: string, @Body() body: PlanChangeBody, @CallerFor() caller: Caller) {
    return this.rpc.request(PreviewPlanChange, { subscriptionId: id, ...body }, caller);
  }

  @Post('subscriptions/:id/plan-change')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({
    summary: "Move the subscription to another plan under the current plan's change policy",
    description:
      'Immediate changes take effect now; at-period-end ones are answered as `pendingChange` and replace a change pending before.',
  })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  apply(@Param('id', UuidParam) id: string, @Body() body: PlanChangeBody, @CallerFor() caller: Caller) {
    return this.rpc.request(ApplyPlanChange, { subscriptionId: id, ...body }, caller);
  }

  @Delete('subscriptions/:id/pending-plan-change')
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({
    summary:
      'Drop the plan change waiting for the end of the period; the subscription stays on its plan (404 when none is pending)',
  })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  cancelPendingPlanChange(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(CancelPendingPlanChange, { subscriptionId: id }, caller);
  }

  @Post('coupons')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'A discount with an optional promotion code readers type at checkout' })
  @ApiOkResponse({ type: CouponView })
  createCoupon(@Body() body: CreateCouponRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateCoupon, body, caller);
  }

  @Get('coupons')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: CouponListResponse })
  listCoupons(@CallerFor() caller: Caller) {
    return this.rpc.request(ListCoupons, {}, caller);
  }

  @Post('tax-rates')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({ summary: 'A VAT rate for a product type over a period; periods of one product type may not overlap' })
  @ApiOkResponse({ type: TaxRateView })
  createTaxRate(@Body() body: CreateTaxRateRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateTaxRate, body, caller);
  }

  @Get('tax-rates')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: TaxRateListResponse })
  listTaxRates(@CallerFor() caller: Caller) {
    return this.rpc.request(ListTaxRates, {}, caller);
  }
}
