import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError, ValidationFailedError } from '@libs/common';
import { CheckoutRepository } from '../checkouts/checkout.repository';
import { CustomersService } from '../customers/customers.service';
import { DunningService } from '../dunning/dunning.service';
import { GiftPurchasesService } from '../gifts/gift-purchases.service';
import { InvoicesService } from '../invoices/invoices.service';
import { InvalidProviderNotificationError } from '../payments/invalid-provider-notification.error';
import { ProviderAccount } from '../payments/provider-account';
import { ParsedProviderNotification, ProviderNotifications } from '../payments/provider-notifications';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { SubscriptionsTenantRepository } from '../tenants/subscriptions-tenant.repository';
import { ProviderNotificationRepository } from './provider-notification.repository';

/** What the provider is answered: received, and whether this notification id was received before (nothing changes). */
export interface ProviderNotificationReceipt {
  received: boolean;
  duplicate: boolean;
}

/**
 * Provider notifications: received (verified, then stored once per provider id) and, later, applied
 * by the runner through the same idempotent paths a sync takes.
 */
@Injectable()
export class ProviderNotificationsService {
  private wakeRunner: () => void = () => undefined;

  constructor(
    private readonly stored: ProviderNotificationRepository,
    private readonly accounts: StripeAccountsService,
    private readonly provider: ProviderNotifications,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly invoices: InvoicesService,
    private readonly customers: CustomersService,
    private readonly refundsAndDisputes: RefundsAndDisputesService,
    private readonly dunning: DunningService,
    private readonly giftPurchases: GiftPurchasesService,
    private readonly checkouts: CheckoutRepository,
    private readonly tenants: SubscriptionsTenantRepository,
  ) {}

  onReceived(wake: () => void): void {
    this.wakeRunner = wake;
  }

  /**
   * Verifies the signature with the agency's signing secret and stores the notification; processing
   * happens afterwards, so the provider gets its answer fast. A bad or stale signature changes
   * nothing. An unknown agency is not found (the provider stops retrying sooner than on a
   * conflict); one without a provider account is bad input.
   */
  async receive(tenantId: string, payload: string, signature: string): Promise<ProviderNotificationReceipt> {
    const account = await this.accounts.findProviderAccountOf(tenantId);
    if (!account) {
      if (!(await this.tenants.findOfTenant(tenantId))) throw new NotFoundError('agency', tenantId);
      throw new ValidationFailedError([
        { field: 'tenantId', message: 'this agency has not configured its payment provider account' },
      ]);
    }
    let notification: ParsedProviderNotification;
    try {
      notification = this.provider.verifyAndParse(account, payload, signature);
    } catch (error) {
      if (error instanceof InvalidProviderNotificationError)
        throw new ValidationFailedError([{ field: error.field, message: error.message }]);
      throw error;
    }
    const stored = await this.stored.insertOnce({
      tenantId,
      providerNotificationId: notification.providerNotificationId,
      type: notification.type,
      parsed: notification,
      occurredAt: new Date(notification.occurredAt),
    });
    const duplicate = !stored;
    if (!duplicate) this.wakeRunner();
    return { received: true, duplicate };
  }

  /** Acts on one stored notification inside the runner's transaction. */
  async apply(tx: EntityManager, account: ProviderAccount, notification: ParsedProviderNotification): Promise<void> {
    switch (notification.kind) {
      case 'checkout-completed':
        await this.checkouts.markCompleted(
          tx,
          account.tenantId,
          notification.checkoutId,
          new Date(notification.occurredAt),
        );
        if (notification.subscriptionId) await this.subscriptions.sync(tx, account, notification.subscriptionId);
        return;
      case 'one-off-checkout-completed':
        await this.giftPurchases.recordPaid(tx, account, notification.checkoutId);
        return;
      case 'subscription-changed': {
        const subscription = await this.subscriptions.sync(tx, account, notification.subscriptionId);
        if (subscription) await this.dunning.onSubscriptionSynced(tx, subscription, new Date(notification.occurredAt));
        return;
      }
      case 'invoice-paid':
      case 'invoice-changed': {
        const invoice = await this.invoices.record(tx, account, notification.invoiceId);
        if (invoice) await this.dunning.onInvoiceRecorded(tx, invoice, new Date(notification.occurredAt));
        return;
      }
      case 'invoice-payment-failed':
        if (notification.subscriptionId) await this.dunning.onPaymentFailed(tx, account, notification);
        return;
      case 'customer-updated':
        await this.customers.updateEmail(account.tenantId, notification.customerId, notification.email);
        return;
      case 'charge-refunded':
        await this.refundsAndDisputes.recordRefunds(tx, account, notification.chargeId);
        return;
      case 'dispute-changed':
        await this.refundsAndDisputes.recordDispute(
          tx,
          account,
          notification.disputeId,
          new Date(notification.occurredAt),
        );
        return;
      case 'ignored':
        return;
      default: {
        const unknown: never = notification;
        throw new Error(`unhandled provider notification ${JSON.stringify(unknown)}`);
      }
    }
  }
}
