import Stripe from 'stripe';
import { WireInvoiceLineItem, WireSubscription } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';

/** Percentages as exact integers: Stripe keeps up to 4 decimals, so 1e6 per percent is plenty. */
const PER_PERCENT = 1_000_000n;
const WHOLE = 100n * PER_PERCENT;

/**
 * The tax rates named by ids sent in `param` (`default_tax_rates[0]`, ...). An unknown id is a
 * 400 `resource_missing`; an archived rate cannot be newly applied, but one the object already
 * has (`kept`) stays usable, as Stripe allows.
 */
export function taxRatesByIds(
  account: StripeAccount,
  ids: string[],
  param: string,
  kept: Stripe.TaxRate[] = [],
): Stripe.TaxRate[] {
  return ids.map((id, index) => {
    const taxRate = account.find('tax_rate', id);
    if (!taxRate)
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `No such tax rate: '${id}'`,
        'resource_missing',
        `${param}[${index}]`,
      );
    if (!taxRate.active && !kept.some((rate) => rate.id === id)) {
      throw StripeApiError.parameterInvalid(
        `${param}[${index}]`,
        `Tax rate ${id} is inactive and cannot be applied to new objects.`,
      );
    }
    return taxRate;
  });
}

/** The subscription's default tax rates as they are now in the account. */
export function subscriptionTaxRates(account: StripeAccount, subscription: WireSubscription): Stripe.TaxRate[] {
  return (subscription.default_tax_rates ?? []).map((rate) => account.find('tax_rate', rate.id) ?? rate);
}

/**
 * The taxes on `taxable` minor units (a line's amount after its discounts), one per rate, each
 * rounded half away from zero on the minor unit. Inclusive rates are inside the amount: the
 * amount without them (`base`) is `round(taxable / (1 + sum of inclusive p / 100))` and their
 * tax is `taxable - base` (with several, each takes `round(base × p / 100)` and the last one
 * what is left). Exclusive rates add `round(base × p / 100)` each on top.
 */
export function lineTaxes(taxable: number, rates: Stripe.TaxRate[]): Stripe.InvoiceLineItem.Tax[] {
  const inclusivePart = rates.filter((rate) => rate.inclusive).reduce((sum, rate) => sum + scaledPercentage(rate), 0n);
  const base = Number(roundedQuotient(BigInt(taxable) * WHOLE, WHOLE + inclusivePart));
  const amounts = rates.map((rate) => Number(roundedQuotient(BigInt(base) * scaledPercentage(rate), WHOLE)));
  const inclusiveIndexes = rates.flatMap((rate, index) => (rate.inclusive ? [index] : []));
  const last = inclusiveIndexes.pop();
  if (last !== undefined)
    amounts[last] = taxable - base - inclusiveIndexes.reduce((sum, index) => sum + amounts[index], 0);
  return rates.map((rate, index) => ({
    amount: amounts[index],
    tax_behavior: rate.inclusive ? 'inclusive' : 'exclusive',
    tax_rate_details: { tax_rate: rate.id },
    taxability_reason: 'standard_rated',
    taxable_amount: base,
    type: 'tax_rate_details',
  }));
}

/** Fills each line's `taxes`, on its amount after discounts. */
export function taxLines(lines: WireInvoiceLineItem[], rates: Stripe.TaxRate[]): void {
  for (const line of lines) {
    const discounted = (line.discount_amounts ?? []).reduce((sum, entry) => sum + entry.amount, 0);
    line.taxes = lineTaxes(line.amount - discounted, rates);
  }
}

export function taxTotal(taxes: Stripe.InvoiceLineItem.Tax[], behavior?: 'inclusive' | 'exclusive'): number {
  return taxes.filter((tax) => !behavior || tax.tax_behavior === behavior).reduce((sum, tax) => sum + tax.amount, 0);
}

function scaledPercentage(rate: Stripe.TaxRate): bigint {
  return BigInt(Math.round(rate.percentage * Number(PER_PERCENT)));
}

/** `numerator / denominator` (denominator > 0) rounded half away from zero, exactly. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const magnitude = (2n * (numerator < 0n ? -numerator : numerator) + denominator) / (2n * denominator);
  return numerator < 0n ? -magnitude : magnitude;
}
