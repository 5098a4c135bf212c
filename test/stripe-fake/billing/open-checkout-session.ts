import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildCheckoutSession } from '../objects/checkout-session';
import { WireCheckoutSession, WireLineItem } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { roundHalfUp } from '../stripe-money';
import { StripeParams } from '../stripe-params';
import { productName } from './invoice-lines';
import { lineTaxes, taxRatesByIds, taxTotal } from './line-taxes';
import { openPaymentSession } from './open-payment-session';

/** `POST /v1/checkout/sessions`: subscription mode here, payment mode in `openPaymentSession`. */
export function openCheckoutSession(account: StripeAccount, params: StripeParams): WireCheckoutSession {
  const mode = params.oneOf('mode', ['payment', 'setup', 'subscription']);
  if (!mode) throw StripeApiError.parameterMissing('mode');
  if (mode === 'setup')
    throw StripeApiError.parameterInvalid(
      'mode',
      'The fake Stripe supports Checkout in mode=subscription and mode=payment only.',
    );
  params.refuse(['setup_intent_data', 'invoice_creation', 'customer_account']);
  if (params.has('customer') && params.has('customer_email'))
    throw StripeApiError.parametersExclusive(['customer', 'customer_email']);
  const customerId = params.string('customer');
  if (customerId) account.get('customer', customerId, 'customer');
  return mode === 'payment'
    ? openPaymentSession(account, params, customerId)
    : openSubscriptionSession(account, params, customerId);
}

/**
 * In `mode: 'subscription'`: recurring prices in one currency,
 * `customer` or `customer_email`, `discounts` or `allow_promotion_codes`, and
 * `subscription_data[trial_period_days|metadata|default_tax_rates]`, kept for when the session
 * completes. Tax rates tax each item on its amount after discounts, as its first invoice will.
 */
function openSubscriptionSession(
  account: StripeAccount,
  params: StripeParams,
  customerId: string | undefined,
): WireCheckoutSession {
  params.refuse(['payment_intent_data', 'customer_creation']);
  if (params.has('discounts') && params.boolean('allow_promotion_codes'))
    throw StripeApiError.parametersExclusive(['allow_promotion_codes', 'discounts']);

  const lines = params.list('line_items');
  if (lines.length === 0) throw StripeApiError.parameterMissing('line_items');
  const lineItems: WireLineItem[] = lines.map((line) => {
    line.refuse(['price_data']);
    const price = account.get('price', line.requiredString('price'), line.pathOf('price'));
    if (!price.recurring)
      throw StripeApiError.parameterInvalid(
        line.pathOf('price'),
        'You must provide at least one recurring price in `subscription` mode when using prices.',
      );
    if (!price.active)
      throw StripeApiError.parameterInvalid(
        line.pathOf('price'),
        `The price specified is inactive. This field only accepts active prices.`,
      );
    const quantity = line.integer('quantity') ?? 1;
    if (quantity < 1) throw StripeApiError.parameterInvalid(line.pathOf('quantity'), 'Quantity must be at least 1.');
    const amount = (price.unit_amount ?? 0) * quantity;
    return {
      id: newStripeId('li_'),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: productName(account, price),
      metadata: {},
      price,
      quantity,
    };
  });
  const currency = lineItems[0].currency;
  if (lineItems.some((item) => item.currency !== currency))
    throw StripeApiError.parameterInvalid(
      'line_items',
      'All prices on a Checkout Session must have the same currency.',
    );

  const subscriptionData = params.object('subscription_data');
  const trialPeriodDays = subscriptionData?.integer('trial_period_days') ?? null;
  if (trialPeriodDays !== null && trialPeriodDays < 1)
    throw StripeApiError.parameterInvalid(
      'subscription_data[trial_period_days]',
      'trial_period_days must be at least 1.',
    );
  const discounts = params.list('discounts').map((entry) => checkoutDiscount(account, entry, currency));
  const subtotal = trialPeriodDays ? 0 : lineItems.reduce((sum, item) => sum + item.amount_subtotal, 0);
  const amountDiscount = discounts.reduce((off, entry) => off + discountAmount(account, entry, subtotal - off), 0);
  const defaultTaxRates = subscriptionData?.strings('default_tax_rates') ?? [];
  const taxRates = taxRatesByIds(account, defaultTaxRates, 'subscription_data[default_tax_rates]');
  const taxes = trialPeriodDays ? [] : taxLineItems(lineItems, amountDiscount, taxRates);

  const id = newStripeId('cs_test_', 58);
  const session = account.insert(
    buildCheckoutSession({
      id,
      mode: 'subscription',
      customerCreation: null,
      created: unixNow(),
      url: `${account.baseUrl}/pay/${id}`,
      currency,
      amountSubtotal: subtotal,
      amountDiscount,
      amountTax: taxTotal(taxes),
      amountExclusiveTax: taxTotal(taxes, 'exclusive'),
      customer: customerId ?? null,
      customerEmail: params.string('customer_email') ?? null,
      clientReferenceId: params.string('client_reference_id') ?? null,
      successUrl: params.string('success_url') ?? null,
      cancelUrl: params.string('cancel_url') ?? null,
      metadata: params.mergeMetadata({}),
      discounts,
      allowPromotionCodes: params.boolean('allow_promotion_codes') ?? null,
    }),
  );
  account.checkoutRequests.set(id, {
    lineItems,
    trialPeriodDays,
    subscriptionMetadata: subscriptionData?.mergeMetadata({}) ?? {},
    defaultTaxRates,
    paymentIntent: null,
  });
  return session;
}

/** Spreads the discount over the items as an invoice does, then taxes each item on what is left of it. */
function taxLineItems(
  lineItems: WireLineItem[],
  discount: number,
  taxRates: Stripe.TaxRate[],
): Stripe.InvoiceLineItem.Tax[] {
  const base = lineItems.reduce((sum, item) => sum + item.amount_subtotal, 0);
  let left = discount;
  return lineItems.flatMap((item, index) => {
    const share =
      index === lineItems.length - 1 ? left : base === 0 ? 0 : Math.floor((discount * item.amount_subtotal) / base);
    left -= share;
    const taxes = lineTaxes(item.amount_subtotal - share, taxRates);
    item.amount_discount = share;
    item.amount_tax = taxTotal(taxes);
    item.amount_total = item.amount_subtotal - share + taxTotal(taxes, 'exclusive');
    return taxes;
  });
}

function checkoutDiscount(
  account: StripeAccount,
  entry: StripeParams,
  currency: string,
): Stripe.Checkout.Session.Discount {
  const couponId = entry.string('coupon');
  const promotionCodeId = entry.string('promotion_code');
  if (couponId && promotionCodeId)
    throw StripeApiError.parametersExclusive([entry.pathOf('coupon'), entry.pathOf('promotion_code')]);
  if (!couponId && !promotionCodeId) throw StripeApiError.parameterMissing(entry.pathOf('coupon'));
  if (promotionCodeId) {
    const promotionCode = account.get('promotion_code', promotionCodeId, entry.pathOf('promotion_code'));
    if (!promotionCode.active)
      throw StripeApiError.parameterInvalid(
        entry.pathOf('promotion_code'),
        `This promotion code is inactive: ${promotionCode.code}`,
      );
  }
  const coupon = couponId ? account.get('coupon', couponId, entry.pathOf('coupon')) : undefined;
  if (coupon && !coupon.valid)
    throw StripeApiError.parameterInvalid(
      entry.pathOf('coupon'),
      `Coupon ${coupon.id} is no longer valid.`,
      'coupon_expired',
    );
  if (coupon?.currency && coupon.currency !== currency)
    throw StripeApiError.parameterInvalid(
      entry.pathOf('coupon'),
      `The coupon's currency (${coupon.currency}) does not match the prices' (${currency}).`,
    );
  return { coupon: couponId ?? null, promotion_code: promotionCodeId ?? null };
}

function discountAmount(account: StripeAccount, entry: Stripe.Checkout.Session.Discount, base: number): number {
  const promotionCoupon = entry.promotion_code
    ? account.get('promotion_code', entry.promotion_code as string).promotion.coupon
    : null;
  const couponId = (entry.coupon ?? promotionCoupon) as string;
  const coupon = account.get('coupon', couponId);
  return coupon.percent_off !== null
    ? roundHalfUp((base * coupon.percent_off) / 100)
    : Math.min(coupon.amount_off ?? 0, base);
}
