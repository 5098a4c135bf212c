/** The promotion code a checkout asked for is not one the provider can redeem. */
export class UnknownPromotionCodeError extends Error {}
