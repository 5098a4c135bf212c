import Stripe from 'stripe';

export interface TaxRateInput {
  id: string;
  created: number;
  displayName: string;
  percentage: number;
  inclusive: boolean;
  active: boolean;
  country: string | null;
  state: string | null;
  jurisdiction: string | null;
  description: string | null;
  taxType: Stripe.TaxRate.TaxType | null;
  metadata: Stripe.Metadata;
}

/** A manual (not Stripe Tax) percentage rate: `effective_percentage` is the percentage itself. */
export function buildTaxRate(input: TaxRateInput): Stripe.TaxRate {
  return {
    id: input.id,
    object: 'tax_rate',
    active: input.active,
    country: input.country,
    created: input.created,
    description: input.description,
    display_name: input.displayName,
    effective_percentage: input.percentage,
    flat_amount: null,
    inclusive: input.inclusive,
    jurisdiction: input.jurisdiction,
    jurisdiction_level: null,
    livemode: false,
    metadata: input.metadata,
    percentage: input.percentage,
    rate_type: 'percentage',
    state: input.state,
    tax_type: input.taxType,
  };
}
