import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ValidationFailedError } from '@libs/common';
import { ReceiveProviderNotificationRequest, ReceiveProviderNotificationResponse } from '@libs/contracts';
import { Checkout } from '../checkouts/checkout.entity';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { CustomersService } from '../customers/customers.service';
import { DunningService } from '../dunning/dunning.service';
import { GiftPurchasesService } from '../gifts/gift-purchases.service';
import { InvoicesService } from '../invoices/invoices.service';
import { InvalidWebhookError, PaymentEvent, PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { ProviderEvent } from './provider-event.entity';

@Injectable()
export class ProviderEventsService {
  private readonly toleranceSeconds: number;
  private wakeProcessor: () => void = () => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StripeAccountsService,
    private readonly provider: PaymentProvider,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly invoices: InvoicesService,
    private readonly customers: CustomersService,
    private readonly refundsAndDisputes: RefundsAndDisputesService,
    private readonly dunning: DunningService,
    private readonly giftPurchases: GiftPurchasesService,
    env: SubscriptionsEnv,
  ) {
    this.toleranceSeconds = env.STRIPE_WEBHOOK_TOLERANCE_S;
  }

  onReceived(wake: () => void): void {
    this.wakeProcessor = wake;
  }

  /**
   * Verifies the signature with the agency's signing secret and stores the event; processing
   * happens afterwards, so the provider gets its answer fast. A bad or stale signature changes
   * nothing.
   */
  async receive(
    tenantId: string,
    request: ReceiveProviderNotificationRequest,
  ): Promise<ReceiveProviderNotificationResponse> {
    const account = await this.accounts.providerAccountOf(tenantId);
    let event: PaymentEvent;
    try {
      event = this.provider.parseWebhook(account, request.payload, request.signature, this.toleranceSeconds);
    } catch (error) {
      if (error instanceof InvalidWebhookError)
        throw new ValidationFailedError([{ field: 'Stripe-Signature', message: error.message }]);
      throw error;
    }
    const stored = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ProviderEvent)
      .values({
        tenantId,
        providerEventId: event.providerEventId,
        type: event.type,
        event,
        occurredAt: new Date(event.occurredAt),
      })
      .orIgnore()
      .returning(['provider_event_id'])
      .execute();
    const duplicate = stored.raw.length === 0;
    if (!duplicate) this.wakeProcessor();
    return { received: true, duplicate };
  }

  /** Acts on one stored event inside the processor's transaction. */
  async apply(tx: EntityManager, account: ProviderAccount, event: PaymentEvent): Promise<void> {
    switch (event.kind) {
      case 'checkout-completed':
        await tx
          .getRepository(Checkout)
          .update(
            { tenantId: account.tenantId, providerCheckoutId: event.checkoutId },
            { completedAt: new Date(event.occurredAt) },
          );
        if (event.subscriptionId) await this.subscriptions.sync(tx, account, event.subscriptionId);
        return;
      case 'one-off-checkout-completed':
        await this.giftPurchases.recordPaid(tx, account, event.checkoutId);
        return;
      case 'subscription-changed': {
        const subscription = await this.subscriptions.sync(tx, account, event.subscriptionId);
        if (subscription) await this.dunning.onSubscriptionSynced(tx, subscription, new Date(event.occurredAt));
        return;
      }
      case 'invoice-paid':
      case 'invoice-changed': {
        const invoice = await this.invoices.record(tx, account, event.invoiceId);
        if (invoice) await this.dunning.onInvoiceRecorded(tx, invoice, new Date(event.occurredAt));
        return;
      }
      case 'invoice-payment-failed':
        if (event.subscriptionId) await this.dunning.onPaymentFailed(tx, account, event);
        return;
      case 'customer-updated':
        await this.customers.updateEmail(account.tenantId, event.customerId, event.email);
        return;
      case 'charge-refunded':
        await this.refundsAndDisputes.recordRefunds(tx, account, event.chargeId);
        return;
      case 'dispute-changed':
        await this.refundsAndDisputes.recordDispute(tx, account, event.disputeId, new Date(event.occurredAt));
        return;
      case 'ignored':
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unhandled payment event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
