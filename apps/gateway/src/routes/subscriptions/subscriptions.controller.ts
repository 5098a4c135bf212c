import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ApplyPlanChange,
  CancelPendingPlanChange,
  CancelSubscription,
  GetReaderSubscription,
  ListReaderSubscriptions,
  PlanChangePreview,
  PreviewPlanChange,
  ReaderQuery,
  ReaderSubscriptionListResponse,
  ReaderSubscriptionView,
  ResumeSubscription,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';
import { CancellationBody } from './cancellation.body';
import { PlanChangeBody } from './plan-change.body';

/** Readers' subscriptions and their plan changes (upgrades, downgrades, changes pending until the period ends). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/subscriptions')
export class SubscriptionsSubscriptionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListReaderSubscriptions)
  @ApiOperation({ summary: "A reader's subscriptions (readerId or email), newest first" })
  @ApiOkResponse({ type: ReaderSubscriptionListResponse })
  readerSubscriptions(@Query() query: ReaderQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(ListReaderSubscriptions, query, caller);
  }

  @Get(':id')
  @Access(GetReaderSubscription)
  @ApiOkResponse({ type: ReaderSubscriptionView })
  readerSubscription(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetReaderSubscription, { id }, caller);
  }

  @Post(':id/plan-change-preview')
  @HttpCode(200)
  @Access(PreviewPlanChange)
  @ApiOperation({ summary: 'What an upgrade or downgrade would charge now and at the next invoice' })
  @ApiOkResponse({ type: PlanChangePreview })
  preview(@Param('id', UuidParam) id: string, @Body() body: PlanChangeBody, @CallerFor() caller: Caller) {
    return this.rpc.request(PreviewPlanChange, { subscriptionId: id, ...body }, caller);
  }

  @Post(':id/plan-change')
  @HttpCode(200)
  @Access(ApplyPlanChange)
  @ApiOperation({
    summary: "Move the subscription to another plan under the current plan's change policy",
    description:
      'Immediate changes take effect now; at-period-end ones are answered as `pendingChange` and replace a change pending before.',
  })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  apply(@Param('id', UuidParam) id: string, @Body() body: PlanChangeBody, @CallerFor() caller: Caller) {
    return this.rpc.request(ApplyPlanChange, { subscriptionId: id, ...body }, caller);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access(CancelSubscription)
  @ApiOperation({
    summary: 'Cancel at the end of the period (no renewal; access until then) or now (access ends now); no refund',
    description:
      'Whoever bills the subscription: the provider, or the suite for subscriptions paid on a domestic rail ' +
      '(an open renewal invoice is voided).',
  })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  cancel(@Param('id', UuidParam) id: string, @Body() body: CancellationBody, @CallerFor() caller: Caller) {
    return this.rpc.request(CancelSubscription, { subscriptionId: id, ...body }, caller);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Access(ResumeSubscription)
  @ApiOperation({
    summary: 'Undo a cancellation at the end of the period: the subscription renews again',
    description:
      'Whoever bills the subscription: the provider (cancel_at_period_end=false), or the suite (its renewal is ' +
      'billed again). 409 when the subscription is not set to cancel at period end, or has ended.',
  })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  resume(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ResumeSubscription, { subscriptionId: id }, caller);
  }

  @Delete(':id/pending-plan-change')
  @Access(CancelPendingPlanChange)
  @ApiOperation({
    summary:
      'Drop the plan change waiting for the end of the period; the subscription stays on its plan (404 when none is pending)',
  })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  cancelPendingPlanChange(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(CancelPendingPlanChange, { subscriptionId: id }, caller);
  }
}
