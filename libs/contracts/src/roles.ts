/** An agency's own staff: `licensing` manages licence offers and licensees (the syndication desk). */
export const STAFF_ROLES = ['admin', 'editor', 'adops', 'finance', 'licensing'] as const;

/** External organisations with keys of their own, who see only their own objects. */
export const PARTNER_ROLES = ['advertiser', 'licensee'] as const;

/** The roles an agency's API key or console user can hold. */
export const TENANT_ROLES = [...STAFF_ROLES, ...PARTNER_ROLES] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** A reader's browser or the agency's site, calling with a site's publishable key. */
export const READER_ROLE = 'reader';

/** Callers that are the suite itself, never a person or a key. */
export const SERVICE_ROLES = {
  /** Finance's reconciliation import job reading an agency's provider balance. */
  reconciliationImport: 'reconciliation-import',
  /** A stream asking payments for money it bills itself, or giving it back (subscriptions billing a reader, advertising an advertiser). */
  streamBilling: 'stream-billing',
  /** Subscriptions driving Stripe Billing (customers, subscriptions, invoices) through payments' Stripe account. */
  stripeBilling: 'stripe-billing',
} as const;
export type ServiceRole = (typeof SERVICE_ROLES)[keyof typeof SERVICE_ROLES];

/** Who may call an RPC: declared on its contract, checked by the gateway and again by the service. */
export type CallerRole = TenantRole | typeof READER_ROLE | ServiceRole;
