import type { PaymentRailName, RevenueStream } from '@libs/contracts';

// The default chart's codes the system posts to (see default-accounts.ts).
export const STRIPE_BALANCE = '1100';
export const MOMO_CLEARING = '1110';
export const VNPAY_CLEARING = '1120';
export const PAYOS_CLEARING = '1130';
export const BANK = '1200';
export const ACCOUNTS_RECEIVABLE = '1300';
export const DEFERRED_REVENUE = '2100';
export const VAT_PAYABLE = '2200';
export const ROYALTIES_PAYABLE = '2300';
export const UNAPPLIED_RECEIPTS = '2400';
export const MAKE_GOOD_CREDITS = '4900';
export const PAYMENT_FEES = '5100';
export const REFUNDS_AND_CHARGEBACKS = '5200';
export const ROYALTIES = '5300';

/** Where each stream's earned revenue goes. */
export const REVENUE_ACCOUNT: Record<RevenueStream, string> = {
  subscriptions: '4100',
  advertising: '4200',
  licensing: '4300',
};

/** Where money taken on each payment rail waits until the rail settles it to the bank. */
export const CLEARING_ACCOUNT: Record<PaymentRailName, string> = {
  momo: MOMO_CLEARING,
  vnpay: VNPAY_CLEARING,
  payos: PAYOS_CLEARING,
};
