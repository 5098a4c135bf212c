import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/common';
import { CancelSubscriptionRequest, ReaderSubscriptionView, ResumeSubscriptionRequest } from '@libs/contracts';
import { SuiteCancellationsService } from '../rail-billing/suite-cancellations.service';
import { PlanChangeService } from '../reader-subscriptions/plan-change.service';
import { toReaderSubscriptionView } from '../reader-subscriptions/reader-subscription.mapper';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';

/** A cancellation (and its undoing) goes to whoever bills the subscription: the provider's engine or the suite's own. */
@Injectable()
export class SubscriptionCancellationsService {
  constructor(
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly provider: PlanChangeService,
    private readonly suite: SuiteCancellationsService,
  ) {}

  async cancel(tenantId: string, request: CancelSubscriptionRequest): Promise<ReaderSubscriptionView> {
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, request.subscriptionId);
    if (!subscription) throw new NotFoundError('subscription', request.subscriptionId);
    if (subscription.billedBy === 'provider')
      return this.provider.cancelSubscription(tenantId, subscription.id, request.atPeriodEnd);
    return toReaderSubscriptionView(await this.suite.cancel(tenantId, subscription.id, request.atPeriodEnd));
  }

  async resume(tenantId: string, request: ResumeSubscriptionRequest): Promise<ReaderSubscriptionView> {
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, request.subscriptionId);
    if (!subscription) throw new NotFoundError('subscription', request.subscriptionId);
    if (subscription.billedBy === 'provider') return this.provider.resumeSubscription(tenantId, subscription.id);
    return toReaderSubscriptionView(await this.suite.resume(tenantId, subscription.id));
  }
}
