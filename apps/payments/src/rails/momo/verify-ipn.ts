import { MomoPartner } from './momo-partner';
import { MomoRequestError } from './momo-request.error';
import { isMomoSignatureValid } from './momo-signature';
import { TOKEN_BINDING_IPN_SIGNED_KEYS } from './tokenization';

/**
 * MoMo's IPN is a POST of JSON to the ipnUrl given at create. We answer it with HTTP 204 and no
 * body ("You need to respond with HTTP code 204 (No Content)"), within 15 s (the older page said
 * 30 s; we keep to the shorter). Only a 204 after a verified signature; a refused one gets a 400.
 */
export const IPN_ANSWER_STATUS = 204;

/**
 * The keys of the IPN signature, a-z, as the notification page lists them (accessKey is ours, not in
 * the body). The binding flow's IPN also carries partnerClientId and callbackToken, which its page
 * adds to this list: see TOKEN_BINDING_IPN_SIGNED_KEYS in tokenization.ts.
 */
export const IPN_SIGNED_KEYS = [
  'accessKey',
  'amount',
  'extraData',
  'message',
  'orderId',
  'orderInfo',
  'orderType',
  'partnerCode',
  'payType',
  'requestId',
  'responseTime',
  'resultCode',
  'transId',
] as const;

/** resultCode 0: paid. 9000: authorized only (autoCapture false), awaiting confirm. Anything else: not paid. */
export const MOMO_PAID = 0;
export const MOMO_AUTHORIZED = 9000;

export interface MomoPaymentOutcome {
  /** Our payment's id (MoMo's orderId). */
  paymentId: string;
  requestId: string;
  /** Whole đồng. */
  amountVnd: bigint;
  /** MoMo's transaction id, needed to refund. */
  transId: string;
  resultCode: number;
  paid: boolean;
  authorizedOnly: boolean;
  message: string;
  /** qr, webApp, credit, napas, …; empty when not paid. */
  payType: string;
  /** When MoMo answered (its responseTime, epoch milliseconds). */
  respondedAt: Date;
  extraData: string;
  /** The IPN of a linkWallet request: the payer's id and the one-time callbackToken that fetches the token. */
  binding: { partnerClientId: string; callbackToken: string } | null;
}

const TEXT_KEYS = [
  'partnerCode',
  'orderId',
  'requestId',
  'orderInfo',
  'orderType',
  'message',
  'payType',
  'extraData',
] as const;
const WHOLE_KEYS = ['amount', 'transId', 'resultCode', 'responseTime'] as const;

/**
 * Verifies an IPN body (already parsed from JSON) and reads it. Refuses — naming the field — a
 * missing or mistyped field, another partner's notification, and any signature that is not ours
 * over exactly the documented keys.
 */
export function verifyIpn(partner: MomoPartner, body: unknown): MomoPaymentOutcome {
  if (typeof body !== 'object' || body === null) throw new MomoRequestError('body', 'not a JSON object');
  const ipn = body as Record<string, unknown>;
  for (const key of TEXT_KEYS)
    if (typeof ipn[key] !== 'string') throw new MomoRequestError(key, 'missing or not a string');
  // MoMo sends these as JSON numbers; its amount and transId are Longs, beyond 2^53 in principle.
  for (const key of WHOLE_KEYS)
    if (!Number.isSafeInteger(ipn[key])) throw new MomoRequestError(key, 'missing or not a whole number');
  if (ipn.partnerCode !== partner.partnerCode) throw new MomoRequestError('partnerCode', 'not our partner code');
  // The reading taken: an IPN carrying callbackToken is a binding's, signed over the binding page's
  // list (callbackToken and partnerClientId in their a-z places); every other IPN, a token charge's
  // included, over the notification page's list. Either way only our secret key makes a valid one.
  const binding = 'callbackToken' in ipn;
  if (binding)
    for (const key of ['callbackToken', 'partnerClientId'])
      if (typeof ipn[key] !== 'string') throw new MomoRequestError(key, 'missing or not a string');
  const fields = { ...(ipn as Record<string, string | number>), accessKey: partner.accessKey };
  const signedKeys = binding ? TOKEN_BINDING_IPN_SIGNED_KEYS : IPN_SIGNED_KEYS;
  if (!isMomoSignatureValid(fields, signedKeys, partner.secretKey, ipn.signature))
    throw new MomoRequestError('signature', 'does not match the notification');
  const resultCode = ipn.resultCode as number;
  return {
    paymentId: ipn.orderId as string,
    requestId: ipn.requestId as string,
    amountVnd: BigInt(ipn.amount as number),
    transId: String(ipn.transId),
    resultCode,
    paid: resultCode === MOMO_PAID,
    authorizedOnly: resultCode === MOMO_AUTHORIZED,
    message: ipn.message as string,
    payType: ipn.payType as string,
    respondedAt: new Date(ipn.responseTime as number),
    extraData: ipn.extraData as string,
    binding: binding
      ? { partnerClientId: ipn.partnerClientId as string, callbackToken: ipn.callbackToken as string }
      : null,
  };
}
