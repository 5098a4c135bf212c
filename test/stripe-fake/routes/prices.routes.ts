import { unixNow } from '../billing-calendar';
import { recordChange } from '../billing/record-change';
import { listPage } from '../list-page';
import { buildPrice } from '../objects/price';
import { buildProduct } from '../objects/product';
import { WirePrice } from '../objects/wire-types';
import { route, Route } from '../router';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

export const priceRoutes: Route[] = [
  route('POST', '/v1/prices', ({ account, params, cause }) => {
    params.refuse([
      'currency_options',
      'custom_unit_amount',
      'tiers',
      'tiers_mode',
      'transform_quantity',
      'billing_scheme',
    ]);
    const currency = params.requiredString('currency').toLowerCase();
    if (!/^[a-z]{3}$/.test(currency))
      throw StripeApiError.parameterInvalid('currency', `Invalid currency: ${currency}.`);
    const product = productFor(account, params, cause);
    const unitAmount = params.integer('unit_amount') ?? wholeDecimal(params);
    if (unitAmount === undefined) throw StripeApiError.parameterMissing('unit_amount');
    if (unitAmount < 0)
      throw StripeApiError.parameterInvalid('unit_amount', 'This value must be greater than or equal to 0.');
    const recurring = params.object('recurring');
    const interval = recurring && (recurring.oneOf('interval', INTERVALS) ?? missing(recurring.pathOf('interval')));
    const lookupKey = params.string('lookup_key') ?? null;
    if (lookupKey) claimLookupKey(account, lookupKey, params.boolean('transfer_lookup_key') ?? false);
    const price = account.insert(
      buildPrice({
        id: newStripeId('price_'),
        created: unixNow(),
        product,
        currency,
        unitAmount,
        recurring:
          recurring && interval
            ? {
                interval,
                intervalCount: recurring.integer('interval_count') ?? 1,
                trialPeriodDays: recurring.integer('trial_period_days') ?? null,
              }
            : null,
        active: params.boolean('active') ?? true,
        lookupKey,
        nickname: params.string('nickname') ?? null,
        metadata: params.mergeMetadata({}),
      }),
    );
    account.emit('price.created', price, cause);
    return price;
  }),
  route('GET', '/v1/prices/:id', ({ account, path }) => account.get('price', path.id)),
  route('POST', '/v1/prices/:id', ({ account, params, path, cause }) => {
    const price = account.get('price', path.id);
    const lookupKey = params.string('lookup_key');
    if (lookupKey && lookupKey !== price.lookup_key)
      claimLookupKey(account, lookupKey, params.boolean('transfer_lookup_key') ?? false);
    recordChange(account, price, 'price.updated', cause, (changed) => {
      if (params.has('active')) changed.active = params.boolean('active')!;
      if (params.raw('nickname') !== undefined) changed.nickname = params.string('nickname') ?? null;
      if (params.raw('lookup_key') !== undefined) changed.lookup_key = lookupKey ?? null;
      changed.metadata = params.mergeMetadata(changed.metadata);
    });
    return price;
  }),
  route('GET', '/v1/prices', ({ account, params, url }) => {
    const product = params.string('product');
    const active = params.boolean('active');
    const currency = params.string('currency')?.toLowerCase();
    const type = params.oneOf('type', ['one_time', 'recurring']);
    const lookupKeys = params.strings('lookup_keys');
    const interval = params.object('recurring')?.string('interval');
    const prices = account
      .list('price')
      .filter(
        (price) =>
          (!product || price.product === product) &&
          (active === undefined || price.active === active) &&
          (!currency || price.currency === currency) &&
          (!type || price.type === type) &&
          (lookupKeys.length === 0 || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
          (!interval || price.recurring?.interval === interval),
      );
    return listPage(prices, params, url);
  }),
];

function productFor(account: StripeAccount, params: StripeParams, cause: Parameters<StripeAccount['emit']>[2]): string {
  const productId = params.string('product');
  const productData = params.object('product_data');
  if (productId && productData) throw StripeApiError.parametersExclusive(['product', 'product_data']);
  if (productId) return account.get('product', productId, 'product').id;
  if (!productData) throw StripeApiError.parameterMissing('product');
  const now = unixNow();
  const product = account.insert(
    buildProduct({
      id: newStripeId('prod_', 14),
      name: productData.requiredString('name'),
      created: now,
      active: productData.boolean('active') ?? true,
      description: null,
      metadata: productData.mergeMetadata({}),
      images: [],
      url: null,
      statementDescriptor: productData.string('statement_descriptor') ?? null,
      unitLabel: productData.string('unit_label') ?? null,
    }),
  );
  account.emit('product.created', product, cause);
  return product.id;
}

/** `unit_amount_decimal` accepted when it is a whole number of minor units. */
function wholeDecimal(params: StripeParams): number | undefined {
  const decimal = params.string('unit_amount_decimal');
  if (decimal === undefined) return undefined;
  if (!/^\d+(\.0+)?$/.test(decimal))
    throw StripeApiError.parameterInvalid('unit_amount_decimal', 'The fake Stripe supports whole minor units only.');
  return Number.parseInt(decimal, 10);
}

/** A lookup key names one price; `transfer_lookup_key` moves it from the price that has it. */
function claimLookupKey(account: StripeAccount, lookupKey: string, transfer: boolean): void {
  const holder: WirePrice | undefined = account.list('price').find((price) => price.lookup_key === lookupKey);
  if (!holder) return;
  if (!transfer)
    throw StripeApiError.parameterInvalid('lookup_key', `A price (\`${holder.id}\`) already uses that lookup key.`);
  holder.lookup_key = null;
}

function missing(param: string): never {
  throw StripeApiError.parameterMissing(param);
}
