import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BillingSettings } from '../billing-settings/billing-settings.entity';
import { PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';

/**
 * The agency's dunning policy at work: a renewal may fail as many times as the policy has retry
 * days; the failure after that ends the subscription (cancel) or suspends it (pause). Until
 * then the reader keeps access for the grace days (see the entitlement rules).
 */
@Injectable()
export class DunningService {
  private readonly logger = new Logger(DunningService.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly sync: SubscriptionSyncService,
  ) {}

  async onPaymentFailed(
    tx: EntityManager,
    account: ProviderAccount,
    failure: { invoiceId: string; subscriptionId: string; attemptCount: number; firstInvoice: boolean },
  ): Promise<void> {
    const subscription = await this.sync.sync(tx, account, failure.subscriptionId);
    if (!subscription || failure.firstInvoice || subscription.status !== 'past_due') return;
    const settings = await tx.getRepository(BillingSettings).findOne({ where: { tenantId: account.tenantId } });
    const retriesAllowed = settings?.dunningRetryDays.length ?? 3;
    if (failure.attemptCount <= retriesAllowed) return;
    const action = settings?.afterFinalFailure ?? 'cancel';
    this.logger.log(`subscription ${subscription.id}: attempt ${failure.attemptCount} failed, past ${retriesAllowed} retries: ${action}`);
    await this.provider.endAfterFailedPayments(account, `dunning:${failure.invoiceId}:${action}`, failure.subscriptionId, action);
    await this.sync.sync(tx, account, failure.subscriptionId);
  }
}
