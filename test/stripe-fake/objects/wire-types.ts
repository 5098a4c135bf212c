import Stripe from 'stripe';

/**
 * The objects the fake sends, typed by the SDK's own declarations for this API version so a
 * misnamed or misplaced field fails the typecheck. Only fields the SDK turns into `Decimal`
 * objects on arrival differ: on the wire they are decimal strings.
 */
export type WirePrice = Omit<Stripe.Price, 'unit_amount_decimal'> & { unit_amount_decimal: string | null };

export type WirePlan = Omit<Stripe.Plan, 'amount_decimal'> & { amount_decimal: string | null };

export type WireSubscriptionItem = Omit<Stripe.SubscriptionItem, 'plan' | 'price'> & {
  plan: WirePlan;
  price: WirePrice;
};

export type WireSubscription = Omit<Stripe.Subscription, 'items'> & { items: Stripe.ApiList<WireSubscriptionItem> };

export type WireInvoiceLinePricing = Omit<Stripe.InvoiceLineItem.Pricing, 'unit_amount_decimal'> & {
  unit_amount_decimal: string | null;
};

export type WireInvoiceLineItem = Omit<Stripe.InvoiceLineItem, 'quantity_decimal' | 'pricing'> & {
  quantity_decimal: string | null;
  pricing: WireInvoiceLinePricing | null;
};

export type WireInvoice = Omit<Stripe.Invoice, 'lines' | 'payments'> & {
  lines: Stripe.ApiList<WireInvoiceLineItem>;
  payments?: Stripe.ApiList<Stripe.InvoicePayment>;
};

export type WireLineItem = Omit<Stripe.LineItem, 'price'> & { price: WirePrice | null };

export type WireCheckoutSession = Omit<Stripe.Checkout.Session, 'line_items'> & {
  line_items?: Stripe.ApiList<WireLineItem>;
};

export interface WireEventData {
  object: StripeObject;
  previous_attributes?: Record<string, unknown>;
}

export type WireEvent = Omit<Stripe.EventBase, 'data'> & { data: WireEventData };

/** Every kind of object the fake stores, by its `object` field. */
export interface StripeObjectKinds {
  product: Stripe.Product;
  price: WirePrice;
  customer: Stripe.Customer;
  coupon: Stripe.Coupon;
  promotion_code: Stripe.PromotionCode;
  discount: Stripe.Discount;
  tax_rate: Stripe.TaxRate;
  'checkout.session': WireCheckoutSession;
  subscription: WireSubscription;
  subscription_schedule: Stripe.SubscriptionSchedule;
  invoice: WireInvoice;
  invoice_payment: Stripe.InvoicePayment;
  payment_intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  balance_transaction: Stripe.BalanceTransaction;
  refund: Stripe.Refund;
  dispute: Stripe.Dispute;
  payout: Stripe.Payout;
  'billing_portal.session': Stripe.BillingPortal.Session;
  event: WireEvent;
}

export type StripeObjectKind = keyof StripeObjectKinds;

export type StripeObject = StripeObjectKinds[StripeObjectKind];
