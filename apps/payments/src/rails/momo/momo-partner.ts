/** The credentials MoMo issues to a merchant (per environment); the secret key never leaves our server. */
export interface MomoPartner {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
}

export type MomoLanguage = 'vi' | 'en';

/**
 * orderId as documented for create: "Regex: ^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$", String(200)
 * on the wallet page (String(50) on the subscription and binding pages: we keep to 50, which fits both).
 */
export const MOMO_ORDER_ID = /^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$/;
export const MOMO_ORDER_ID_MAX_LENGTH = 50;
/** requestId: String(50), unique per request; MoMo uses it for idempotency (kept at least 31 days). */
export const MOMO_REQUEST_ID_MAX_LENGTH = 50;
