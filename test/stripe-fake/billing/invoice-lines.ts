import { StripeAccount } from '../stripe-account';
import { buildInvoiceLineItem } from '../objects/invoice-line-item';
import { WireInvoiceLineItem, WirePrice, WireSubscription, WireSubscriptionItem } from '../objects/wire-types';
import { newStripeId } from '../stripe-ids';
import { formatAmount } from '../stripe-money';
import { BillingPeriod } from './subscription-periods';

export function productName(account: StripeAccount, price: WirePrice): string {
  const id = typeof price.product === 'string' ? price.product : price.product.id;
  return account.find('product', id)?.name ?? id;
}

/** "every 3 months" / "month", as in "(at ₫99,000 / month)". */
export function intervalWords(price: WirePrice): string {
  const recurring = price.recurring;
  if (!recurring) return '';
  return recurring.interval_count === 1
    ? `/ ${recurring.interval}`
    : `every ${recurring.interval_count} ${recurring.interval}s`;
}

/** The line billing one item for one period: "1 × Premium (at ₫99,000 / month)", or a free trial. */
export function periodLine(
  account: StripeAccount,
  subscription: WireSubscription,
  item: WireSubscriptionItem,
  period: BillingPeriod,
  invoice: string | null,
  trial: boolean,
): WireInvoiceLineItem {
  const quantity = item.quantity ?? 1;
  const unitAmount = item.price.unit_amount ?? 0;
  const name = productName(account, item.price);
  return buildInvoiceLineItem({
    id: newStripeId('il_'),
    invoice,
    subscription: subscription.id,
    subscriptionItem: item.id,
    price: item.price,
    quantity,
    amount: trial ? 0 : unitAmount * quantity,
    description: trial
      ? `Trial period for ${name}`
      : `${quantity} × ${name} (at ${formatAmount(unitAmount, item.price.currency)} ${intervalWords(item.price)})`,
    periodStart: period.start,
    periodEnd: period.end,
    proration: null,
  });
}
