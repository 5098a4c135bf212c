/**
 * The rails money can be taken on through the payments service. Stripe stays with subscriptions
 * until its account moves here (see the payments ADR).
 */
export const PAYMENT_RAILS = ['momo', 'vnpay', 'payos'] as const;
export type PaymentRailName = (typeof PAYMENT_RAILS)[number];

/** Where an agency's account on a rail points: the provider's test system or its live one. */
export const RAIL_ENVIRONMENTS = ['sandbox', 'production'] as const;
export type RailEnvironment = (typeof RAIL_ENVIRONMENTS)[number];

/** The revenue streams that ask for payments (and `direct`: a payment an agency asks for by API). */
export const PAYMENT_STREAMS = ['subscriptions', 'gifts', 'advertising', 'licensing', 'direct'] as const;
export type PaymentStream = (typeof PAYMENT_STREAMS)[number];
