import type { AccountType } from '@libs/contracts';
import type { Account } from './account.entity';

const CHART: [code: string, name: string, type: AccountType][] = [
  ['1100', 'Stripe balance', 'asset'],
  // Money taken on a Vietnamese rail, until the rail settles it to the bank.
  ['1110', 'MoMo clearing', 'asset'],
  ['1120', 'VNPay clearing', 'asset'],
  ['1130', 'payOS clearing', 'asset'],
  ['1200', 'Bank', 'asset'],
  ['1300', 'Accounts receivable', 'asset'],
  ['2100', 'Deferred revenue', 'liability'],
  ['2200', 'VAT payable', 'liability'],
  ['2300', 'Royalties payable', 'liability'],
  // Money received that no receivable asked for yet (a payment an agency asked for by API).
  ['2400', 'Unapplied receipts', 'liability'],
  ['4100', 'Subscription revenue', 'revenue'],
  ['4200', 'Advertising revenue', 'revenue'],
  ['4300', 'Licensing revenue', 'revenue'],
  // Contra-revenue: carries a debit balance that reduces advertising revenue.
  ['4900', 'Make-good credits', 'revenue'],
  ['5100', 'Payment fees', 'expense'],
  ['5200', 'Refunds and chargebacks', 'expense'],
  // What the agency owes rights holders on licensed content (statements issued by licensing).
  ['5300', 'Royalties', 'expense'],
];

/** What a new agency starts with: the accounts the system itself posts to. */
export function defaultAccountsFor(tenantId: string): Partial<Account>[] {
  return CHART.map(([code, name, type]) => ({ tenantId, code, name, type, system: true }));
}
