import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildCheckoutSession } from '../objects/checkout-session';
import { buildPrice } from '../objects/price';
import { WireCheckoutSession, WireLineItem, WirePrice } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';
import { productName } from './invoice-lines';
import { lineTaxes, taxRatesByIds, taxTotal } from './line-taxes';

const PAYMENT_INTENT_DATA = ['metadata', 'description'];

/**
 * `POST /v1/checkout/sessions` in `mode: 'payment'`: one-time prices, by id or inline
 * (`price_data[currency|product|unit_amount]`), in one currency, each line taxed by its own
 * `tax_rates`; `customer` or `customer_email`, `customer_creation`, and
 * `payment_intent_data[metadata|description]`, kept for the payment intent made when the buyer
 * pays. No discounts here.
 */
export function openPaymentSession(
  account: StripeAccount,
  params: StripeParams,
  customerId: string | undefined,
): WireCheckoutSession {
  params.refuse(['subscription_data', 'discounts', 'allow_promotion_codes']);
  const lines = params.list('line_items');
  if (lines.length === 0) throw StripeApiError.parameterMissing('line_items');
  const lineItems = lines.map((line) => paymentLine(account, line));
  const currency = lineItems[0].currency;
  if (lineItems.some((item) => item.currency !== currency))
    throw StripeApiError.parameterInvalid(
      'line_items',
      'All prices on a Checkout Session must have the same currency.',
    );
  const intentData = params.object('payment_intent_data');
  const unsupported = Object.keys(intentData?.tree ?? {}).filter((key) => !PAYMENT_INTENT_DATA.includes(key));
  intentData?.refuse(unsupported);
  const taxes = lineItems.flatMap((item) => item.taxes ?? []);
  const amountTax = taxes.reduce((sum, tax) => sum + tax.amount, 0);
  const amountExclusiveTax = lineItems.reduce((sum, item) => sum + item.amount_total - item.amount_subtotal, 0);

  const id = newStripeId('cs_test_', 58);
  const session = account.insert(
    buildCheckoutSession({
      id,
      mode: 'payment',
      customerCreation: params.oneOf('customer_creation', ['always', 'if_required'] as const) ?? 'if_required',
      created: unixNow(),
      url: `${account.baseUrl}/pay/${id}`,
      currency,
      amountSubtotal: lineItems.reduce((sum, item) => sum + item.amount_subtotal, 0),
      amountDiscount: 0,
      amountTax,
      amountExclusiveTax,
      customer: customerId ?? null,
      customerEmail: params.string('customer_email') ?? null,
      clientReferenceId: params.string('client_reference_id') ?? null,
      successUrl: params.string('success_url') ?? null,
      cancelUrl: params.string('cancel_url') ?? null,
      metadata: params.mergeMetadata({}),
      discounts: [],
      allowPromotionCodes: null,
    }),
  );
  account.checkoutRequests.set(id, {
    lineItems,
    trialPeriodDays: null,
    subscriptionMetadata: {},
    defaultTaxRates: [],
    paymentIntent: {
      metadata: intentData?.mergeMetadata({}) ?? {},
      description: intentData?.string('description') ?? null,
    },
  });
  return session;
}

function paymentLine(account: StripeAccount, line: StripeParams): WireLineItem {
  line.refuse(['adjustable_quantity', 'dynamic_tax_rates']);
  if (line.has('price') && line.has('price_data'))
    throw StripeApiError.parametersExclusive([line.pathOf('price'), line.pathOf('price_data')]);
  const priceData = line.object('price_data');
  const price = priceData
    ? inlinePrice(account, priceData)
    : account.get('price', line.requiredString('price'), line.pathOf('price'));
  if (price.recurring) {
    throw StripeApiError.parameterInvalid(
      line.pathOf('price'),
      'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
    );
  }
  if (!priceData && !price.active)
    throw StripeApiError.parameterInvalid(
      line.pathOf('price'),
      'The price specified is inactive. This field only accepts active prices.',
    );
  const quantity = line.integer('quantity') ?? 1;
  if (quantity < 1) throw StripeApiError.parameterInvalid(line.pathOf('quantity'), 'Quantity must be at least 1.');
  const taxRates = taxRatesByIds(account, line.strings('tax_rates'), line.pathOf('tax_rates'));
  const amount = (price.unit_amount ?? 0) * quantity;
  const taxes = lineTaxes(amount, taxRates);
  return {
    id: newStripeId('li_'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: taxTotal(taxes),
    amount_total: amount + taxTotal(taxes, 'exclusive'),
    currency: price.currency,
    description: productName(account, price),
    metadata: {},
    price,
    quantity,
    taxes: taxes.map((tax, index): Stripe.LineItem.Tax => ({
      amount: tax.amount,
      rate: taxRates[index],
      taxability_reason: 'standard_rated',
      taxable_amount: tax.taxable_amount,
    })),
  };
}

/** The one-time price `price_data` makes: it belongs to the line alone (inactive, never listed or reused). */
function inlinePrice(account: StripeAccount, data: StripeParams): WirePrice {
  data.refuse(['product_data', 'recurring', 'unit_amount_decimal', 'tax_behavior']);
  const currency = data.requiredString('currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency))
    throw StripeApiError.parameterInvalid(data.pathOf('currency'), `Invalid currency: ${currency}.`);
  const product = account.get('product', data.requiredString('product'), data.pathOf('product'));
  const unitAmount = data.integer('unit_amount');
  if (unitAmount === undefined) throw StripeApiError.parameterMissing(data.pathOf('unit_amount'));
  if (unitAmount < 0)
    throw StripeApiError.parameterInvalid(data.pathOf('unit_amount'), 'This value must be greater than or equal to 0.');
  return buildPrice({
    id: newStripeId('price_'),
    created: unixNow(),
    product: product.id,
    currency,
    unitAmount,
    recurring: null,
    active: false,
    lookupKey: null,
    nickname: null,
    metadata: {},
  });
}
