import Stripe from 'stripe';
import { unixNow } from './billing-calendar';
import {
  StripeObject,
  StripeObjectKind,
  StripeObjectKinds,
  WireEvent,
  WireInvoiceLineItem,
  WireLineItem,
} from './objects/wire-types';
import { RecordedApiRequest, RequestHold } from './request-hold';
import { StripeApiError } from './stripe-api-error';
import { newStripeId } from './stripe-ids';

export interface WebhookEndpoint {
  url: string;
  secret: string;
  /** Event types to send; `*` sends all, `invoice.*` a family. */
  enabledEvents: string[];
}

export interface IdempotentResponse {
  fingerprint: string;
  status: number;
  body: string;
}

export interface CheckoutRequest {
  /** Sent only when asked for (`expand[]=line_items`). */
  lineItems: WireLineItem[];
  trialPeriodDays: number | null;
  subscriptionMetadata: Stripe.Metadata;
  /** `subscription_data[default_tax_rates]`, the subscription's rates once it exists. */
  defaultTaxRates: string[];
  /** Payment mode: `payment_intent_data`, for the payment intent made when the buyer pays. */
  paymentIntent: { metadata: Stripe.Metadata; description: string | null } | null;
}

export interface AccountHooks {
  baseUrl(): string;
  onEvent(account: StripeAccount, event: WireEvent): void;
}

/** An event caused by no API request (a renewal, a payment, ...). */
export const AUTOMATIC: Stripe.Event.Request = { id: null, idempotency_key: null };

/** One Stripe account, identified by its secret key: its objects, events and settings. */
export class StripeAccount {
  private readonly objects = new Map<StripeObjectKind, Map<string, StripeObject>>();
  readonly idempotency = new Map<string, IdempotentResponse>();
  /** Proration lines waiting for their subscription's next invoice. */
  readonly pendingInvoiceLines = new Map<string, WireInvoiceLineItem[]>();
  /** What a Checkout Session was created with beyond its own fields, kept for its completion. */
  readonly checkoutRequests = new Map<string, CheckoutRequest>();
  webhookEndpoint: WebhookEndpoint | undefined;
  /** How many of the next `/v1` requests answer 429, as when Stripe rate-limits the account. */
  rateLimitedRequests = 0;
  /** Payment methods whose charges are declined (like Stripe's `pm_card_chargeCustomerFail`). */
  readonly decliningPaymentMethods = new Set<string>();
  /** Every `/v1` request made with the account's key, oldest first. */
  readonly requests: RecordedApiRequest[] = [];
  /** Requests to hold until the test releases them, each taken by the first request it matches. */
  readonly holds: RequestHold[] = [];

  constructor(
    readonly secretKey: string,
    private readonly hooks: AccountHooks,
  ) {}

  get baseUrl(): string {
    return this.hooks.baseUrl();
  }

  /** The hold waiting for this request, if any; it holds no other. */
  takeHold(request: RecordedApiRequest): RequestHold | undefined {
    const index = this.holds.findIndex((hold) => hold.matches(request));
    return index === -1 ? undefined : this.holds.splice(index, 1)[0];
  }

  insert<T extends StripeObject>(object: T): T {
    const kind = object.object as StripeObjectKind;
    let byId = this.objects.get(kind);
    if (!byId) this.objects.set(kind, (byId = new Map()));
    byId.set(object.id, object);
    return object;
  }

  find<K extends StripeObjectKind>(kind: K, id: string): StripeObjectKinds[K] | undefined {
    return this.objects.get(kind)?.get(id) as StripeObjectKinds[K] | undefined;
  }

  /** The object, or Stripe's 404 naming the param that carried the id. */
  get<K extends StripeObjectKind>(kind: K, id: string, param = 'id'): StripeObjectKinds[K] {
    const found = this.find(kind, id);
    if (!found) throw StripeApiError.resourceMissing(kind, id, param);
    return found;
  }

  findAny(id: string): StripeObject | undefined {
    for (const byId of this.objects.values()) {
      const found = byId.get(id);
      if (found) return found;
    }
    return undefined;
  }

  owns(id: string): boolean {
    return (
      this.findAny(id) !== undefined ||
      [...(this.objects.get('subscription')?.values() ?? [])].some(
        (sub) => 'items' in sub && sub.items.data.some((item) => item.id === id),
      )
    );
  }

  /** Newest first, as Stripe lists. */
  list<K extends StripeObjectKind>(kind: K): StripeObjectKinds[K][] {
    return [...((this.objects.get(kind)?.values() ?? []) as Iterable<StripeObjectKinds[K]>)].reverse();
  }

  /** Newest first by `created` (as Stripe lists), objects created in the same second newest first too. */
  listByCreated<K extends 'balance_transaction' | 'payout'>(kind: K): StripeObjectKinds[K][] {
    return this.list(kind).sort((a, b) => b.created - a.created);
  }

  /** All events in the order they happened (lists are newest first). */
  events(): WireEvent[] {
    return [...((this.objects.get('event')?.values() ?? []) as Iterable<WireEvent>)];
  }

  /** Records an event with a snapshot of the object as it is now, and hands it to delivery. */
  emit(
    type: Stripe.Event.Type,
    object: StripeObject,
    request: Stripe.Event.Request,
    previousAttributes?: Record<string, unknown>,
  ): WireEvent {
    const event: WireEvent = {
      id: newStripeId('evt_'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: unixNow(),
      data: previousAttributes
        ? { object: structuredClone(object), previous_attributes: previousAttributes }
        : { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: this.webhookWants(type) ? 1 : 0,
      request,
      type,
    };
    this.insert(event);
    this.hooks.onEvent(this, event);
    return event;
  }

  webhookWants(type: string): boolean {
    const endpoint = this.webhookEndpoint;
    if (!endpoint) return false;
    return endpoint.enabledEvents.some(
      (pattern) =>
        pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
    );
  }
}
