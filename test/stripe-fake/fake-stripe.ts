import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { apiRoutes } from './api-routes';
import { SeededBalanceTransaction, SeededPayout, seedBalanceTransactions, seedPayouts } from './balance-history';
import { BillingControls, ControlOutcome, PaymentOutcome } from './billing-controls';
import { CheckoutCompletion } from './billing/complete-checkout';
import { createFakeStripeServer } from './fake-stripe-server';
import { HostedPages } from './hosted-pages';
import { WireCheckoutSession, WireEvent, WireInvoice, WireSubscription } from './objects/wire-types';
import { RecordedApiRequest, RequestHold } from './request-hold';
import { fakeControlRoutes } from './routes/fake-controls.routes';
import { StripeAccount } from './stripe-account';
import { StripeApiError } from './stripe-api-error';
import { randomToken } from './stripe-ids';
import { StripeStore } from './stripe-store';
import { WebhookDelivery, WebhookSender, WebhookTarget } from './webhook-sender';

export interface FakeStripeOptions {
  /** Accounts to create up front, by secret key (more with `addAccount`). */
  secretKeys?: string[];
}

/**
 * A Stripe-compatible HTTP server for tests, driven through the real `stripe` SDK (`sdk(key)`).
 * Each secret key is a separate account. The control methods make happen what Stripe does on
 * its own (payments, renewals, refunds, disputes) and resolve once the resulting webhooks have
 * been answered. The same controls are served over HTTP under `/_fake/...`.
 */
export class FakeStripe {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly store: StripeStore,
    private readonly sender: WebhookSender,
    private readonly controls: BillingControls,
  ) {}

  static async start(options: FakeStripeOptions = {}): Promise<FakeStripe> {
    const sender = new WebhookSender();
    const controls = new BillingControls(sender);
    const address = { url: '' };
    const store = new StripeStore({
      baseUrl: () => address.url,
      onEvent: (account, event) => {
        const endpoint = account.webhookEndpoint;
        if (endpoint && account.webhookWants(event.type)) void sender.enqueue(account.secretKey, event, endpoint);
      },
    });
    const server = createFakeStripeServer({
      store,
      apiRoutes,
      controlRoutes: fakeControlRoutes(controls, sender),
      hostedPages: new HostedPages(store, controls),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    address.url = `http://127.0.0.1:${port}`;
    const fake = new FakeStripe(server, port, store, sender, controls);
    for (const key of options.secretKeys ?? []) fake.addAccount(key);
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The real SDK, pointed at this fake, authenticating as the account of `secretKey`. */
  sdk(secretKey: string): Stripe {
    return new Stripe(secretKey, { host: '127.0.0.1', port: this.port, protocol: 'http', maxNetworkRetries: 0 });
  }

  /** Opens an account; without a key, one is made up (`sk_test_fake_...`). Returns the key. */
  addAccount(secretKey = `sk_test_fake_${randomToken(24)}`): string {
    this.store.addAccount(secretKey);
    return secretKey;
  }

  /** Where the account's events are POSTed, signed with `signingSecret`; `enabledEvents` filters (`*`, `invoice.*`). */
  setWebhookEndpoint(secretKey: string, url: string, signingSecret: string, enabledEvents: string[] = ['*']): void {
    this.account(secretKey).webhookEndpoint = { url, secret: signingSecret, enabledEvents };
  }

  /** The account's next `requests` API calls answer 429 `rate_limit` (the SDK does not retry those). */
  rateLimit(secretKey: string, requests = 1): void {
    this.account(secretKey).rateLimitedRequests = requests;
  }

  /** The account's API requests so far (not the `/_fake` controls), oldest first. */
  apiRequests(secretKey: string): RecordedApiRequest[] {
    return structuredClone(this.account(secretKey).requests);
  }

  /**
   * Holds the account's next API request that `matches` unanswered until `release()`;
   * `arrived` resolves once it has come. Lets a test act while a client waits on Stripe.
   */
  holdRequest(secretKey: string, matches: (request: RecordedApiRequest) => boolean): RequestHold {
    const hold = new RequestHold(matches);
    this.account(secretKey).holds.push(hold);
    return hold;
  }

  /** Puts balance transactions in the account's history, as if Stripe had recorded them (no events). */
  seedBalanceTransactions(secretKey: string, transactions: SeededBalanceTransaction[]): Stripe.BalanceTransaction[] {
    return structuredClone(seedBalanceTransactions(this.account(secretKey), transactions));
  }

  /** Puts payouts (each with its balance transaction) in the account's history. */
  seedPayouts(secretKey: string, payouts: SeededPayout[]): Stripe.Payout[] {
    return structuredClone(seedPayouts(this.account(secretKey), payouts));
  }

  /** All of the account's events, oldest first. */
  events(secretKey: string): WireEvent[] {
    return structuredClone(this.account(secretKey).events());
  }

  /** Webhook deliveries made so far (to the account's endpoint, or all including by-hand ones). */
  deliveries(secretKey?: string): WebhookDelivery[] {
    return this.sender.deliveries(secretKey);
  }

  /** Sends an event again, to any URL and secret, optionally signed at another time. */
  deliver(event: WireEvent, target: WebhookTarget): Promise<WebhookDelivery> {
    return this.sender.deliver(event, target);
  }

  /** Resolves when webhooks of events caused by API calls (which do not wait for them) are answered. */
  webhooksSettled(): Promise<void> {
    return this.sender.idle();
  }

  completeCheckout(sessionId: string, options: CheckoutCompletion = {}): Promise<ControlOutcome<WireCheckoutSession>> {
    return this.controls.completeCheckout(this.ownerOf(sessionId), sessionId, options);
  }

  /** The delayed payment of a completed payment-mode session (`delayedPayment: true`) settles. */
  settleCheckoutPayment(sessionId: string, options: PaymentOutcome = {}): Promise<ControlOutcome<WireCheckoutSession>> {
    return this.controls.settleCheckoutPayment(this.ownerOf(sessionId), sessionId, options);
  }

  renew(subscriptionId: string, options: PaymentOutcome = {}): Promise<ControlOutcome<WireSubscription>> {
    return this.controls.renew(this.ownerOf(subscriptionId), subscriptionId, options);
  }

  /** The customer puts a new card on the subscription (declined ones with `declines`); `POST /v1/invoices/:id/pay` then charges it. */
  updateCard(subscriptionId: string, options: { declines?: boolean } = {}): Promise<ControlOutcome<WireSubscription>> {
    return this.controls.updateCard(this.ownerOf(subscriptionId), subscriptionId, options);
  }

  failPayment(subscriptionOrInvoiceId: string): Promise<ControlOutcome<WireInvoice>> {
    return this.controls.failPayment(this.ownerOf(subscriptionOrInvoiceId), subscriptionOrInvoiceId);
  }

  recoverPayment(subscriptionOrInvoiceId: string): Promise<ControlOutcome<WireInvoice>> {
    return this.controls.recoverPayment(this.ownerOf(subscriptionOrInvoiceId), subscriptionOrInvoiceId);
  }

  cancelNow(subscriptionId: string): Promise<ControlOutcome<WireSubscription>> {
    return this.controls.cancelNow(this.ownerOf(subscriptionId), subscriptionId);
  }

  pause(subscriptionId: string): Promise<ControlOutcome<WireSubscription>> {
    return this.controls.pause(this.ownerOf(subscriptionId), subscriptionId);
  }

  resume(subscriptionId: string): Promise<ControlOutcome<WireSubscription>> {
    return this.controls.resume(this.ownerOf(subscriptionId), subscriptionId);
  }

  endTrial(subscriptionId: string, options: PaymentOutcome = {}): Promise<ControlOutcome<WireSubscription>> {
    return this.controls.endTrial(this.ownerOf(subscriptionId), subscriptionId, options);
  }

  refund(chargeId: string, amount?: number): Promise<ControlOutcome<Stripe.Refund>> {
    return this.controls.refund(this.ownerOf(chargeId), chargeId, amount);
  }

  dispute(chargeId: string): Promise<ControlOutcome<Stripe.Dispute>> {
    return this.controls.dispute(this.ownerOf(chargeId), chargeId);
  }

  closeDispute(disputeId: string, won: boolean): Promise<ControlOutcome<Stripe.Dispute>> {
    return this.controls.closeDispute(this.ownerOf(disputeId), disputeId, won);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private account(secretKey: string): StripeAccount {
    const account = this.store.account(secretKey);
    if (!account) throw new Error(`The fake Stripe has no account for key ${secretKey}; call addAccount first.`);
    return account;
  }

  private ownerOf(id: string): StripeAccount {
    const account = this.store.ownerOf(id);
    if (!account) throw StripeApiError.resourceMissing('object', id);
    return account;
  }
}

export function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  return FakeStripe.start(options);
}
