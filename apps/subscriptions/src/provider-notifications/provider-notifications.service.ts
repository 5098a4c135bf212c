import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CheckoutRepository } from '../checkouts/checkout.repository';
import { CustomersService } from '../customers/customers.service';
import { DunningService } from '../dunning/dunning.service';
import { GiftPurchasesService } from '../gifts/gift-purchases.service';
import { InvoicesService } from '../invoices/invoices.service';
import { ProviderAccount } from '../payments/provider-account';
import { ParsedProviderNotification } from '../payments/provider-notifications';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';
import { ProviderNotificationRepository } from './provider-notification.repository';

/** The writes a notification calls for, made in one short transaction once the provider has been read. */
export type NotificationWrites = (tx: EntityManager) => Promise<unknown>;

const NOTHING: NotificationWrites = async () => undefined;

/**
 * Provider notifications: received from payments (which verified them), stored once per provider
 * id, and, later, applied
 * by the runner through the same idempotent paths a sync takes: the provider is read first, outside
 * any transaction, then the effects are written in a short one.
 */
@Injectable()
export class ProviderNotificationsService {
  private wakeRunner: () => void = () => undefined;

  constructor(
    private readonly stored: ProviderNotificationRepository,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly invoices: InvoicesService,
    private readonly customers: CustomersService,
    private readonly refundsAndDisputes: RefundsAndDisputesService,
    private readonly dunning: DunningService,
    private readonly giftPurchases: GiftPurchasesService,
    private readonly checkouts: CheckoutRepository,
  ) {}

  onReceived(wake: () => void): void {
    this.wakeRunner = wake;
  }

  /**
   * Stores a notification payments verified, in the transaction of its event, unless it was stored
   * before (a redelivery changes nothing); the runner applies it afterwards.
   */
  async record(tx: EntityManager, tenantId: string, notification: ParsedProviderNotification): Promise<void> {
    const stored = await this.stored.insertOnce(tx, {
      tenantId,
      providerNotificationId: notification.providerNotificationId,
      type: notification.type,
      parsed: notification,
      occurredAt: new Date(notification.occurredAt),
    });
    if (stored) this.wakeRunner();
  }

  /**
   * Reads what acting on the notification needs from the provider, outside any transaction, and
   * answers the writes to make with it, for the runner's short transaction.
   */
  async prepare(account: ProviderAccount, notification: ParsedProviderNotification): Promise<NotificationWrites> {
    const occurredAt = new Date(notification.occurredAt);
    switch (notification.kind) {
      case 'checkout-completed': {
        const { checkoutId, subscriptionId } = notification;
        const remote = subscriptionId ? await this.subscriptions.fetch(account, subscriptionId) : null;
        return async (tx) => {
          await this.checkouts.markCompleted(tx, account.tenantId, checkoutId, occurredAt);
          if (remote) await this.subscriptions.write(tx, account, remote);
        };
      }
      case 'one-off-checkout-completed': {
        const payment = await this.giftPurchases.fetchPayment(account, notification.checkoutId);
        return (tx) => this.giftPurchases.recordPayment(tx, account, payment);
      }
      case 'subscription-changed': {
        const remote = await this.subscriptions.fetch(account, notification.subscriptionId);
        return async (tx) => {
          const subscription = await this.subscriptions.write(tx, account, remote);
          if (subscription) await this.dunning.onSubscriptionSynced(tx, subscription, occurredAt);
        };
      }
      case 'invoice-paid':
      case 'invoice-changed': {
        const fetched = await this.invoices.fetch(account, notification.invoiceId);
        return async (tx) => {
          const invoice = await this.invoices.write(tx, account, fetched);
          if (invoice) await this.dunning.onInvoiceRecorded(tx, invoice, occurredAt);
        };
      }
      case 'invoice-payment-failed': {
        if (!notification.subscriptionId) return NOTHING;
        const failed = await this.invoices.fetch(account, notification.invoiceId);
        return (tx) => this.dunning.onPaymentFailed(tx, account, notification, failed);
      }
      case 'customer-updated':
        return () => this.customers.updateEmail(account.tenantId, notification.customerId, notification.email);
      case 'charge-refunded': {
        const refunds = await this.refundsAndDisputes.fetchRefunds(account, notification.chargeId);
        return (tx) => this.refundsAndDisputes.recordRefunds(tx, account, refunds);
      }
      case 'dispute-changed': {
        const dispute = await this.refundsAndDisputes.fetchDispute(account, notification.disputeId);
        return (tx) => this.refundsAndDisputes.recordDisputeAsRead(tx, account, dispute, occurredAt);
      }
      case 'ignored':
        return NOTHING;
      default: {
        const unknown: never = notification;
        throw new Error(`unhandled provider notification ${JSON.stringify(unknown)}`);
      }
    }
  }
}
