import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Caller, RpcClient } from '@libs/common';
import { ApplyPlanChange, PlanChangePreview, PreviewPlanChange, ReaderSubscriptionView } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

export class PlanChangeBody {
  @ApiProperty() @IsUUID() planId!: string;
  @ApiProperty({ required: false, description: "unix seconds; pass the preview's to be charged what it showed" })
  @IsOptional() @IsInt() @Min(0) prorationDate?: number;
}

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/subscriptions')
export class SubscriptionChangesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/plan-change-preview')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({ summary: 'What an upgrade or downgrade would charge now and at the next invoice' })
  @ApiOkResponse({ type: PlanChangePreview })
  preview(@Param('id', UuidParam) id: string, @Body() body: PlanChangeBody, @CallerFor() caller: Caller) {
    return this.rpc.request(PreviewPlanChange, { subscriptionId: id, ...body }, caller);
  }

  @Post(':id/plan-change')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor'] })
  @ApiOperation({ summary: "Move the subscription to another plan under the current plan's change policy" })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  apply(@Param('id', UuidParam) id: string, @Body() body: PlanChangeBody, @CallerFor() caller: Caller) {
    return this.rpc.request(ApplyPlanChange, { subscriptionId: id, ...body }, caller);
  }
}
