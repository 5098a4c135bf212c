import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AddPrice,
  CreatePlan,
  CreatePlanRequest,
  GetPlan,
  ListPlans,
  PlanListResponse,
  PlanView,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';
import { NewPriceBody } from './new-price.body';

/** Plans and their price versions. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/plans')
export class SubscriptionsPlansController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreatePlan)
  @ApiOperation({
    summary: 'Create a plan with its first price (amount in minor units as a string: 99000 VND is "99000")',
  })
  @ApiCreatedResponse({ type: PlanView })
  createPlan(@Body() body: CreatePlanRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreatePlan, body, caller);
  }

  @Get()
  @Access(ListPlans)
  @ApiOkResponse({ type: PlanListResponse })
  listPlans(@CallerFor() caller: Caller) {
    return this.rpc.request(ListPlans, {}, caller);
  }

  @Get(':id')
  @Access(GetPlan)
  @ApiOkResponse({ type: PlanView })
  getPlan(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPlan, { id }, caller);
  }

  @Post(':id/prices')
  @Access(AddPrice)
  @ApiOperation({ summary: 'A new price version; new subscribers get it, existing ones keep theirs' })
  @ApiCreatedResponse({ type: PlanView })
  addPrice(@Param('id', UuidParam) id: string, @Body() body: NewPriceBody, @CallerFor() caller: Caller) {
    return this.rpc.request(AddPrice, { planId: id, unitAmount: body.unitAmount }, caller);
  }
}
