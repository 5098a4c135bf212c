import type { AdInvoiceStatus } from '@libs/contracts';

/** An invoice's money, minor units. */
export interface InvoiceMoney {
  total: bigint;
  credited: bigint;
  paid: bigint;
  refunded: bigint;
}

/** What is owed: positive, the advertiser owes it; negative, it is owed back. */
export function balanceOf(money: InvoiceMoney): bigint {
  return money.total - money.credited - money.paid + money.refunded;
}

/**
 * Where the invoice stands: owed (`open`), owed back (`refund-due`), settled (`paid`), or settled
 * with all of it credited (`void`: canceled before anything was kept, its money, if any, given back).
 */
export function invoiceStatusOf(money: InvoiceMoney): AdInvoiceStatus {
  const balance = balanceOf(money);
  if (balance > 0n) return 'open';
  if (balance < 0n) return 'refund-due';
  return money.credited === money.total ? 'void' : 'paid';
}

/** A payment on a rail and how much of it can still be given back (its amount less refunds asked and made). */
export interface RefundablePayment {
  paymentId: string;
  refundable: bigint;
}

/**
 * The refunds to ask for: what is owed back and not yet being refunded (`pending`: asked, not
 * done), from the rail payments that still hold money, oldest first. Money that came by bank
 * transfer cannot go back through a rail: what no rail payment covers stays owed back, for a bank
 * transfer by hand.
 */
export function refundsToAsk(
  money: InvoiceMoney,
  pending: bigint,
  payments: readonly RefundablePayment[],
): { paymentId: string; amount: bigint }[] {
  let left = -balanceOf(money) - pending;
  const refunds: { paymentId: string; amount: bigint }[] = [];
  for (const payment of payments) {
    if (left <= 0n) break;
    const amount = payment.refundable < left ? payment.refundable : left;
    if (amount <= 0n) continue;
    refunds.push({ paymentId: payment.paymentId, amount });
    left -= amount;
  }
  return refunds;
}
