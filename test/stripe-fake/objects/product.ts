import Stripe from 'stripe';

export interface ProductInput {
  id: string;
  name: string;
  created: number;
  active: boolean;
  description: string | null;
  metadata: Stripe.Metadata;
  images: string[];
  url: string | null;
  statementDescriptor: string | null;
  unitLabel: string | null;
}

export function buildProduct(input: ProductInput): Stripe.Product {
  return {
    id: input.id,
    object: 'product',
    active: input.active,
    created: input.created,
    default_price: null,
    description: input.description,
    images: input.images,
    livemode: false,
    marketing_features: [],
    metadata: input.metadata,
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: input.statementDescriptor,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: input.unitLabel,
    updated: input.created,
    url: input.url,
  };
}
