import Stripe from 'stripe';
import { unixNow } from './billing-calendar';
import { cancelSubscription } from './billing/cancel-subscription';
import { CheckoutCompletion, completeCheckout } from './billing/complete-checkout';
import { settleDelayedPayment } from './billing/complete-payment-checkout';
import { closeDispute, disputeCharge } from './billing/dispute-charge';
import { endTrial } from './billing/end-trial';
import { pauseSubscription, resumeSubscription } from './billing/pause-subscription';
import { refundCharge } from './billing/refund-charge';
import { replaceCard } from './billing/replace-card';
import { renewSubscription } from './billing/renew-subscription';
import { retryInvoicePayment } from './billing/retry-invoice-payment';
import { StripeObject, WireCheckoutSession, WireEvent, WireInvoice, WireSubscription } from './objects/wire-types';
import { AUTOMATIC, StripeAccount } from './stripe-account';
import { WebhookSender } from './webhook-sender';

export interface PaymentOutcome {
  /** Whether the card payment succeeds (default true). */
  paymentSucceeds?: boolean;
}

export interface ControlOutcome<T extends StripeObject> {
  /** The object the control acted on, as it is afterwards. */
  object: T;
  /** The events it caused, in order; their webhooks have been answered. */
  events: WireEvent[];
}

/**
 * What happens at Stripe without an API call (a buyer paying, a renewal, a bank declining, a
 * chargeback), made to happen now. Each resolves once the caused events' webhooks are answered.
 */
export class BillingControls {
  constructor(private readonly sender: WebhookSender) {}

  completeCheckout(
    account: StripeAccount,
    sessionId: string,
    options: CheckoutCompletion = {},
  ): Promise<ControlOutcome<WireCheckoutSession>> {
    return this.run(account, () => completeCheckout(account, sessionId, options, AUTOMATIC));
  }

  /** The delayed payment of a completed payment-mode session settles, or fails. */
  settleCheckoutPayment(
    account: StripeAccount,
    sessionId: string,
    options: PaymentOutcome = {},
  ): Promise<ControlOutcome<WireCheckoutSession>> {
    return this.run(account, () =>
      settleDelayedPayment(account, sessionId, options.paymentSucceeds ?? true, AUTOMATIC),
    );
  }

  renew(
    account: StripeAccount,
    subscriptionId: string,
    options: PaymentOutcome = {},
  ): Promise<ControlOutcome<WireSubscription>> {
    return this.run(account, () =>
      renewSubscription(account, subscriptionId, options.paymentSucceeds ?? true, AUTOMATIC),
    );
  }

  /** The customer replaces the subscription's card; `declines` makes the new card one that is declined. Nothing is charged. */
  updateCard(
    account: StripeAccount,
    subscriptionId: string,
    options: { declines?: boolean } = {},
  ): Promise<ControlOutcome<WireSubscription>> {
    return this.run(account, () =>
      replaceCard(account, account.get('subscription', subscriptionId), options.declines ?? false, AUTOMATIC),
    );
  }

  /** A failed payment attempt on the open invoice (given, or the subscription's latest); the card declines from then on. */
  failPayment(account: StripeAccount, subscriptionOrInvoiceId: string): Promise<ControlOutcome<WireInvoice>> {
    return this.run(account, () => retryInvoicePayment(account, subscriptionOrInvoiceId, false, AUTOMATIC));
  }

  /** A successful payment of the open invoice (given, or the subscription's latest); the card works again. */
  recoverPayment(account: StripeAccount, subscriptionOrInvoiceId: string): Promise<ControlOutcome<WireInvoice>> {
    return this.run(account, () => retryInvoicePayment(account, subscriptionOrInvoiceId, true, AUTOMATIC));
  }

  cancelNow(account: StripeAccount, subscriptionId: string): Promise<ControlOutcome<WireSubscription>> {
    return this.run(account, () => {
      const subscription = account.get('subscription', subscriptionId);
      cancelSubscription(account, subscription, { endedAt: unixNow(), reason: 'cancellation_requested' }, AUTOMATIC);
      return subscription;
    });
  }

  pause(account: StripeAccount, subscriptionId: string): Promise<ControlOutcome<WireSubscription>> {
    return this.run(account, () => pauseSubscription(account, account.get('subscription', subscriptionId), AUTOMATIC));
  }

  resume(account: StripeAccount, subscriptionId: string): Promise<ControlOutcome<WireSubscription>> {
    return this.run(account, () => resumeSubscription(account, account.get('subscription', subscriptionId), AUTOMATIC));
  }

  endTrial(
    account: StripeAccount,
    subscriptionId: string,
    options: PaymentOutcome = {},
  ): Promise<ControlOutcome<WireSubscription>> {
    return this.run(account, () =>
      endTrial(
        account,
        account.get('subscription', subscriptionId),
        options.paymentSucceeds ?? true,
        'subscription_cycle',
        AUTOMATIC,
      ),
    );
  }

  refund(account: StripeAccount, chargeId: string, amount?: number): Promise<ControlOutcome<Stripe.Refund>> {
    return this.run(account, () => refundCharge(account, chargeId, { amount }, AUTOMATIC));
  }

  dispute(account: StripeAccount, chargeId: string): Promise<ControlOutcome<Stripe.Dispute>> {
    return this.run(account, () => disputeCharge(account, chargeId, AUTOMATIC));
  }

  closeDispute(account: StripeAccount, disputeId: string, won: boolean): Promise<ControlOutcome<Stripe.Dispute>> {
    return this.run(account, () => closeDispute(account, disputeId, won, AUTOMATIC));
  }

  private async run<T extends StripeObject>(account: StripeAccount, action: () => T): Promise<ControlOutcome<T>> {
    const before = account.events().length;
    const object = action();
    const events = account.events().slice(before);
    await this.sender.idle();
    return { object: structuredClone(object), events };
  }
}
