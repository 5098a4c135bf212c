import { addInterval, BillingInterval } from '../billing-calendar';
import { WireSubscription, WireSubscriptionItem } from '../objects/wire-types';

export interface BillingPeriod {
  start: number;
  end: number;
}

/** The subscription's current period, read from its items (where this API version keeps it). */
export function currentPeriod(subscription: WireSubscription): BillingPeriod {
  const items = subscription.items.data;
  return {
    start: Math.min(...items.map((item) => item.current_period_start)),
    end: Math.min(...items.map((item) => item.current_period_end)),
  };
}

/** The period that follows one starting at `start`, by the item's price interval. */
export function periodFrom(item: WireSubscriptionItem, start: number, anchor: number): BillingPeriod {
  const recurring = item.price.recurring;
  const interval = (recurring?.interval ?? 'month') as BillingInterval;
  return { start, end: addInterval(start, interval, recurring?.interval_count ?? 1, anchor) };
}
