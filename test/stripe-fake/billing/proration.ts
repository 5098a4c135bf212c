import { buildInvoiceLineItem } from '../objects/invoice-line-item';
import { WireInvoiceLineItem, WirePrice, WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { newStripeId } from '../stripe-ids';
import { roundHalfUp } from '../stripe-money';
import { productName } from './invoice-lines';
import { isRealChange, ItemChange } from './subscription-item-changes';
import { currentPeriod } from './subscription-periods';

/**
 * The proration lines of item changes made at `prorationDate`: a credit for the unused rest of
 * the period at the old price/quantity, a charge for the rest at the new one, each
 * `amount × (period_end - proration_date) / (period_end - period_start)` rounded half-up.
 */
export function prorationLines(
  account: StripeAccount,
  subscription: WireSubscription,
  changes: ItemChange[],
  prorationDate: number,
): WireInvoiceLineItem[] {
  const period = currentPeriod(subscription);
  const at = Math.min(Math.max(prorationDate, period.start), period.end);
  const fraction = (period.end - at) / (period.end - period.start);
  const lines: WireInvoiceLineItem[] = [];
  const line = (sign: 1 | -1, itemId: string, price: WirePrice, quantity: number): WireInvoiceLineItem => {
    const name = productName(account, price);
    const what = quantity === 1 ? name : `${quantity} × ${name}`;
    return buildInvoiceLineItem({
      id: newStripeId('il_'),
      invoice: null,
      subscription: subscription.id,
      subscriptionItem: itemId,
      price,
      quantity,
      amount: sign * roundHalfUp((price.unit_amount ?? 0) * quantity * fraction),
      description: `${sign < 0 ? 'Unused' : 'Remaining'} time on ${what} after ${formatDay(at)}`,
      periodStart: at,
      periodEnd: period.end,
      proration: { invoiceItem: newStripeId('ii_') },
    });
  };
  for (const change of changes.filter(isRealChange)) {
    if (change.current) lines.push(line(-1, change.itemId, change.current.price, change.current.quantity ?? 1));
    if (change.next) lines.push(line(1, change.itemId, change.next.price, change.next.quantity));
  }
  return lines;
}

/** "14 Jan 2026", as in Stripe's proration descriptions. */
function formatDay(unix: number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(unix * 1000),
  );
}
