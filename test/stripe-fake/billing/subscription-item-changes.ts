import { planOfPrice } from '../objects/price';
import { buildSubscriptionItem } from '../objects/subscription';
import { WirePrice, WireSubscription, WireSubscriptionItem } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';
import { currentPeriod } from './subscription-periods';

export interface ItemChange {
  /** The item's id, already chosen for an item being added. */
  itemId: string;
  /** The item as it is; null for an item being added. */
  current: WireSubscriptionItem | null;
  /** What it becomes; null when it is deleted. */
  next: { price: WirePrice; quantity: number } | null;
}

/** Reads `items[n][id|price|quantity|deleted]` against the subscription, as an update or a preview does. */
export function planItemChanges(
  account: StripeAccount,
  subscription: WireSubscription,
  items: StripeParams[],
): ItemChange[] {
  return items.map((item) => {
    const id = item.string('id');
    const current = id ? (subscription.items.data.find((existing) => existing.id === id) ?? null) : null;
    if (id && !current) throw StripeApiError.resourceMissing('subscription_item', id, item.pathOf('id'));
    if (item.has('price_data'))
      throw StripeApiError.parameterInvalid(
        item.pathOf('price_data'),
        'The fake Stripe supports `price`, not `price_data`, on subscription items.',
      );
    if (item.boolean('deleted')) {
      if (!current) throw StripeApiError.parameterMissing(item.pathOf('id'));
      return { itemId: current.id, current, next: null };
    }
    const priceId = item.string('price') ?? item.string('plan');
    if (!current && !priceId) throw StripeApiError.parameterMissing(item.pathOf('price'));
    const price = priceId ? account.get('price', priceId, item.pathOf('price')) : current!.price;
    if (price.currency !== subscription.currency) {
      throw StripeApiError.parameterInvalid(
        item.pathOf('price'),
        `The price specified is in ${price.currency} but this subscription is in ${subscription.currency}.`,
      );
    }
    return {
      itemId: current?.id ?? newStripeId('si_'),
      current,
      next: { price, quantity: item.integer('quantity') ?? current?.quantity ?? 1 },
    };
  });
}

export function isRealChange(change: ItemChange): boolean {
  if (!change.current || !change.next) return true;
  return change.current.price.id !== change.next.price.id || (change.current.quantity ?? 1) !== change.next.quantity;
}

/** Applies planned changes to the items (matched by id, so a copy can be changed); an item keeps its id when its price changes. */
export function applyItemChanges(subscription: WireSubscription, changes: ItemChange[], now: number): void {
  const period = currentPeriod(subscription);
  for (const { itemId, next } of changes) {
    const target = subscription.items.data.find((item) => item.id === itemId);
    if (target && !next) {
      subscription.items.data = subscription.items.data.filter((item) => item.id !== itemId);
    } else if (target && next) {
      target.price = next.price;
      target.plan = planOfPrice(next.price);
      target.quantity = next.quantity;
    } else if (next) {
      subscription.items.data.push(
        buildSubscriptionItem({
          id: itemId,
          subscription: subscription.id,
          created: now,
          price: next.price,
          quantity: next.quantity,
          periodStart: period.start,
          periodEnd: period.end,
        }),
      );
    }
  }
}
