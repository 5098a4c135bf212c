import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/common';
import { PlanChangePreview, PlanChangeRequest, ReaderSubscriptionView } from '@libs/contracts';
import { SuitePlanChangesService } from '../rail-billing/suite-plan-changes.service';
import { PlanChangeService } from '../reader-subscriptions/plan-change.service';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';

/** A plan change goes to whoever bills the subscription: the provider's engine or the suite's own. */
@Injectable()
export class PlanChangesService {
  constructor(
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly provider: PlanChangeService,
    private readonly suite: SuitePlanChangesService,
  ) {}

  async preview(tenantId: string, request: PlanChangeRequest): Promise<PlanChangePreview> {
    return (await this.billedBySuite(tenantId, request.subscriptionId))
      ? this.suite.preview(tenantId, request)
      : this.provider.preview(tenantId, request);
  }

  async apply(tenantId: string, request: PlanChangeRequest, requestId: string): Promise<ReaderSubscriptionView> {
    return (await this.billedBySuite(tenantId, request.subscriptionId))
      ? this.suite.apply(tenantId, request, requestId)
      : this.provider.apply(tenantId, request);
  }

  async cancelPending(tenantId: string, subscriptionId: string): Promise<ReaderSubscriptionView> {
    return (await this.billedBySuite(tenantId, subscriptionId))
      ? this.suite.cancelPending(tenantId, subscriptionId)
      : this.provider.cancelPending(tenantId, subscriptionId);
  }

  private async billedBySuite(tenantId: string, subscriptionId: string): Promise<boolean> {
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, subscriptionId);
    if (!subscription) throw new NotFoundError('subscription', subscriptionId);
    return subscription.billedBy === 'suite';
  }
}
