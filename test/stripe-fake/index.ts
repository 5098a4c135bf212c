export type { ControlOutcome, PaymentOutcome } from './billing-controls';
export type { CheckoutCompletion } from './billing/complete-checkout';
export { FakeStripe, startFakeStripe } from './fake-stripe';
export type { FakeStripeOptions } from './fake-stripe';
export type {
  WireCheckoutSession,
  WireEvent,
  WireInvoice,
  WirePrice,
  WireSubscription,
  WireSubscriptionItem,
} from './objects/wire-types';
export { StripeApiError } from './stripe-api-error';
export type { WebhookDelivery, WebhookTarget } from './webhook-sender';
export type { RecordedApiRequest, RequestHold } from './request-hold';
export type { SeededBalanceTransaction, SeededPayout } from './balance-history';
