import Stripe from 'stripe';

export interface BillingPortalSessionInput {
  id: string;
  created: number;
  customer: string;
  returnUrl: string | null;
  url: string;
  configuration: string;
}

export function buildBillingPortalSession(input: BillingPortalSessionInput): Stripe.BillingPortal.Session {
  return {
    id: input.id,
    object: 'billing_portal.session',
    configuration: input.configuration,
    created: input.created,
    customer: input.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: input.returnUrl,
    url: input.url,
  };
}
