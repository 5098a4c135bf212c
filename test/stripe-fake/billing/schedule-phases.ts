import Stripe from 'stripe';
import { addInterval, BillingInterval } from '../billing-calendar';
import { buildSchedulePhase } from '../objects/subscription-schedule';
import { WirePrice, WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { StripeParams } from '../stripe-params';
import { PRORATION_BEHAVIORS } from './change-subscription';
import { taxRatesByIds } from './line-taxes';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** What the fake does not model on a phase; sending it is refused rather than ignored. */
const UNSUPPORTED_PHASE_PARAMS = [
  'add_invoice_items',
  'application_fee_percent',
  'automatic_tax',
  'billing_cycle_anchor',
  'billing_thresholds',
  'collection_method',
  'currency',
  'default_payment_method',
  'description',
  'discounts',
  'invoice_settings',
  'iterations',
  'on_behalf_of',
  'transfer_data',
  'trial',
  'trial_end',
];

/**
 * Reads `phases[n]` of a schedule update. The first phase needs `start_date`; each later one starts
 * where the one before ends (a `start_date` sent must say so). A phase ends at `end_date`, after
 * `duration`, or, with neither, one interval of its first price later (Stripe's default of one
 * iteration), counted from the subscription's billing cycle anchor as its periods are. Every phase
 * keeps the subscription's number of items (the fake changes prices and quantities, not items).
 */
export function planSchedulePhases(
  account: StripeAccount,
  subscription: WireSubscription,
  phases: StripeParams[],
): Stripe.SubscriptionSchedule.Phase[] {
  if (phases.length === 0) throw StripeApiError.parameterMissing('phases');
  let previousEnd: number | undefined;
  return phases.map((phase, index) => {
    phase.refuse(UNSUPPORTED_PHASE_PARAMS);
    const start = phaseStart(phase, index, previousEnd);
    const items = phaseItems(account, subscription, phase);
    const end = phaseEnd(phase, start, items[0].price, subscription.billing_cycle_anchor);
    previousEnd = end;
    const taxRates =
      phase.raw('default_tax_rates') === undefined
        ? []
        : taxRatesByIds(
            account,
            phase.strings('default_tax_rates'),
            phase.pathOf('default_tax_rates'),
            subscription.default_tax_rates ?? [],
          );
    return buildSchedulePhase({
      start,
      end,
      currency: subscription.currency,
      items: items.map((item) => ({ price: item.price.id, quantity: item.quantity })),
      defaultTaxRates: taxRates,
      prorationBehavior: phase.oneOf('proration_behavior', PRORATION_BEHAVIORS) ?? 'create_prorations',
      metadata: phase.mergeMetadata({}),
    });
  });
}

function phaseStart(phase: StripeParams, index: number, previousEnd: number | undefined): number {
  const sent = phase.string('start_date') === 'now' ? Math.floor(Date.now() / 1000) : phase.integer('start_date');
  if (index === 0) {
    if (sent === undefined) throw StripeApiError.parameterMissing(phase.pathOf('start_date'));
    return sent;
  }
  if (sent !== undefined && sent !== previousEnd) {
    throw StripeApiError.parameterInvalid(
      phase.pathOf('start_date'),
      'The start_date of a phase must equal the end_date of the phase before it.',
    );
  }
  return previousEnd!;
}

function phaseItems(
  account: StripeAccount,
  subscription: WireSubscription,
  phase: StripeParams,
): { price: WirePrice; quantity: number }[] {
  const items = phase.list('items');
  if (items.length === 0) throw StripeApiError.parameterMissing(phase.pathOf('items'));
  if (items.length !== subscription.items.data.length) {
    throw StripeApiError.parameterInvalid(
      phase.pathOf('items'),
      `The fake Stripe keeps the subscription's ${subscription.items.data.length} item(s) in every phase.`,
    );
  }
  return items.map((item) => {
    item.refuse(['price_data', 'discounts', 'tax_rates', 'billing_thresholds', 'metadata']);
    const priceId = item.string('price') ?? item.string('plan');
    if (!priceId) throw StripeApiError.parameterMissing(item.pathOf('price'));
    const price = account.get('price', priceId, item.pathOf('price'));
    if (price.currency !== subscription.currency) {
      throw StripeApiError.parameterInvalid(
        item.pathOf('price'),
        `The price specified is in ${price.currency} but this subscription is in ${subscription.currency}.`,
      );
    }
    if (!price.recurring)
      throw StripeApiError.parameterInvalid(item.pathOf('price'), `The price specified is not recurring: ${price.id}`);
    return { price, quantity: item.integer('quantity') ?? 1 };
  });
}

function phaseEnd(phase: StripeParams, start: number, price: WirePrice, anchor: number): number {
  const endDate = phase.integer('end_date');
  const duration = phase.object('duration');
  if (endDate !== undefined && duration)
    throw StripeApiError.parametersExclusive([phase.pathOf('end_date'), phase.pathOf('duration')]);
  let end: number;
  if (endDate !== undefined) end = endDate;
  else if (duration) {
    const interval = duration.oneOf('interval', INTERVALS) ?? throwMissing(duration.pathOf('interval'));
    end = addInterval(start, interval, duration.integer('interval_count') ?? 1, anchor);
  } else {
    end = addInterval(start, price.recurring!.interval as BillingInterval, price.recurring!.interval_count, anchor);
  }
  if (end <= start)
    throw StripeApiError.parameterInvalid(
      phase.pathOf('end_date'),
      'The end_date of a phase must be after its start_date.',
    );
  return end;
}

function throwMissing(param: string): never {
  throw StripeApiError.parameterMissing(param);
}
