import { BillingControls } from '../billing-controls';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';
import { WebhookSender } from '../webhook-sender';

/**
 * The test controls over HTTP, under `/_fake`, for the account whose key authenticates the
 * request. Bodies may be JSON or form-encoded. Each control answers `{ object, events }` once the
 * caused events' webhooks have been answered.
 */
export function fakeControlRoutes(controls: BillingControls, sender: WebhookSender): Route[] {
  return [
    route('POST', '/_fake/webhook_endpoint', ({ account, params }) => {
      account.webhookEndpoint = {
        url: params.requiredString('url'),
        secret: params.requiredString('secret'),
        enabledEvents: params.strings('enabled_events').length > 0 ? params.strings('enabled_events') : ['*'],
      };
      return {
        object: 'fake.webhook_endpoint',
        url: account.webhookEndpoint.url,
        enabled_events: account.webhookEndpoint.enabledEvents,
      };
    }),
    route('POST', '/_fake/rate_limit', ({ account, params }) => {
      account.rateLimitedRequests = params.integer('requests') ?? 1;
      return { object: 'fake.rate_limit', requests: account.rateLimitedRequests };
    }),
    route('GET', '/_fake/events', ({ account, url }) => ({
      object: 'list',
      data: account.events(),
      has_more: false,
      url,
    })),
    route('GET', '/_fake/requests', ({ account, url }) => ({
      object: 'list',
      data: account.requests,
      has_more: false,
      url,
    })),
    route('GET', '/_fake/deliveries', ({ account, url }) => ({
      object: 'list',
      data: sender.deliveries(account.secretKey),
      has_more: false,
      url,
    })),
    route('POST', '/_fake/events/:id/deliver', ({ account, params, path }) => {
      const event = account.get('event', path.id);
      const url = params.string('url') ?? account.webhookEndpoint?.url;
      const secret = params.string('secret') ?? account.webhookEndpoint?.secret;
      if (!url || !secret) throw StripeApiError.parameterMissing('url');
      return sender.deliver(event, { url, secret, timestamp: params.integer('timestamp') });
    }),
    route('POST', '/_fake/checkout/sessions/:id/complete', ({ account, params, path }) =>
      controls.completeCheckout(account, path.id, {
        paymentSucceeds: params.boolean('payment_succeeds'),
        delayedPayment: params.boolean('delayed_payment'),
        email: params.string('email'),
        name: params.string('name'),
      }),
    ),
    route('POST', '/_fake/checkout/sessions/:id/settle_payment', ({ account, params, path }) =>
      controls.settleCheckoutPayment(account, path.id, { paymentSucceeds: params.boolean('payment_succeeds') }),
    ),
    route('POST', '/_fake/subscriptions/:id/renew', ({ account, params, path }) =>
      controls.renew(account, path.id, { paymentSucceeds: params.boolean('payment_succeeds') }),
    ),
    route('POST', '/_fake/subscriptions/:id/end_trial', ({ account, params, path }) =>
      controls.endTrial(account, path.id, { paymentSucceeds: params.boolean('payment_succeeds') }),
    ),
    route('POST', '/_fake/subscriptions/:id/cancel_now', ({ account, path }) => controls.cancelNow(account, path.id)),
    route('POST', '/_fake/subscriptions/:id/pause', ({ account, path }) => controls.pause(account, path.id)),
    route('POST', '/_fake/subscriptions/:id/resume', ({ account, path }) => controls.resume(account, path.id)),
    route('POST', '/_fake/subscriptions/:id/update_card', ({ account, params, path }) =>
      controls.updateCard(account, path.id, { declines: params.boolean('declines') }),
    ),
    route('POST', '/_fake/subscriptions/:id/fail_payment', ({ account, path }) =>
      controls.failPayment(account, path.id),
    ),
    route('POST', '/_fake/subscriptions/:id/recover_payment', ({ account, path }) =>
      controls.recoverPayment(account, path.id),
    ),
    route('POST', '/_fake/invoices/:id/fail_payment', ({ account, path }) => controls.failPayment(account, path.id)),
    route('POST', '/_fake/invoices/:id/recover_payment', ({ account, path }) =>
      controls.recoverPayment(account, path.id),
    ),
    route('POST', '/_fake/charges/:id/refund', ({ account, params, path }) =>
      controls.refund(account, path.id, params.integer('amount')),
    ),
    route('POST', '/_fake/charges/:id/dispute', ({ account, path }) => controls.dispute(account, path.id)),
    route('POST', '/_fake/disputes/:id/close', ({ account, params, path }) => {
      const won = params.boolean('won');
      if (won === undefined) throw StripeApiError.parameterMissing('won');
      return controls.closeDispute(account, path.id, won);
    }),
  ];
}
