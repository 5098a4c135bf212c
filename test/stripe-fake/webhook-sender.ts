import Stripe from 'stripe';
import { unixNow } from './billing-calendar';
import { WireEvent } from './objects/wire-types';

export interface WebhookTarget {
  url: string;
  /** The endpoint's signing secret (`whsec_...`). */
  secret: string;
  /** Signs as if sent at this unix time (an old one makes a stale signature). */
  timestamp?: number;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  url: string;
  /** The receiver's HTTP status; null when it could not be reached. */
  status: number | null;
  /** What the receiver answered (first 2000 characters). */
  body: string;
  error: string | null;
  /** The account whose endpoint it went to; null for a delivery made by hand. */
  secretKey: string | null;
}

/**
 * POSTs events as Stripe does: pretty-printed JSON with a `Stripe-Signature` header made by the
 * SDK's own `generateTestHeaderString`. Deliveries go one at a time, in order; no retries.
 */
export class WebhookSender {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly log: WebhookDelivery[] = [];

  /** Queues an event for an account's endpoint; resolves once the receiver has answered. */
  enqueue(secretKey: string, event: WireEvent, target: WebhookTarget): Promise<WebhookDelivery> {
    const delivery = this.tail.then(() => this.send(event, target, secretKey));
    this.tail = delivery;
    return delivery;
  }

  /** Sends one event now, outside the queue: to test duplicates, reordering, stale signatures. */
  deliver(event: WireEvent, target: WebhookTarget): Promise<WebhookDelivery> {
    return this.send(event, target, null);
  }

  /** Resolves when every queued delivery has been answered. */
  async idle(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  deliveries(secretKey?: string): WebhookDelivery[] {
    return this.log.filter((delivery) => secretKey === undefined || delivery.secretKey === secretKey);
  }

  private async send(event: WireEvent, target: WebhookTarget, secretKey: string | null): Promise<WebhookDelivery> {
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: target.secret,
      timestamp: target.timestamp ?? unixNow(),
    });
    const delivery: WebhookDelivery = {
      eventId: event.id,
      type: event.type,
      url: target.url,
      status: null,
      body: '',
      error: null,
      secretKey,
    };
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'cache-control': 'no-cache',
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      delivery.status = response.status;
      delivery.body = (await response.text()).slice(0, 2000);
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.log.push(delivery);
    return delivery;
  }
}
