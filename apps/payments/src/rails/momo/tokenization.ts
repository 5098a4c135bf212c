import { MomoMoney, VndLimits, momoAmount } from './momo-amount';
import { momoExtraData, momoOrderId, momoRequestId } from './momo-identifiers';
import { MomoLanguage, MomoPartner } from './momo-partner';
import { MomoRequestError } from './momo-request.error';
import { signMomo } from './momo-signature';

/**
 * MoMo wallet tokenization ("Account Binding", recurring payments), available only where the agency's
 * MoMo contract enables it (see MOMO_CAPABILITIES). The flow, per the binding page:
 *  1. create with requestType linkWallet and the reader's partnerClientId (amount 0 binds only,
 *     1.000 VND or more binds and pays); the reader approves in the MoMo app;
 *  2. the IPN of that request carries a callbackToken (and partnerClientId, both signed);
 *  3. POST /v2/gateway/api/tokenization/cbToken with the callbackToken returns the token, AES-encrypted
 *     under our secret key (aesToken); we store the decrypted token for the reader;
 *  4. each renewal: POST /v2/gateway/api/tokenization/pay with partnerClientId and token, no reader
 *     present; its result arrives as an ordinary IPN (verify-ipn.ts).
 * This file builds steps 1, 3 and 4 (and the unbinding) and names step 2's signed keys; momo-aes-token.ts
 * opens aesToken, and MomoSavedTokens puts them behind the rail port's saved-token methods.
 */
export const TOKEN_BINDING_REQUEST_TYPE = 'linkWallet';
export const TOKEN_CALLBACK_PATH = '/v2/gateway/api/tokenization/cbToken';
export const TOKEN_PAY_PATH = '/v2/gateway/api/tokenization/pay';
/**
 * Unbinding. The pages we could read publish no unbinding API; the reading taken is MoMo's Java SDK
 * (github.com/momo-wallet/java, processor/DeleteToken), which POSTs a token delete request whose
 * endpoint we take, as an integration built on that SDK spells it, as tokenization/delete under the
 * gateway API. To be confirmed in MoMo's sandbox; a refusal leaves the token revoked on our side.
 */
export const TOKEN_DELETE_PATH = '/v2/gateway/api/tokenization/delete';

/** Binding request's keys: the create list with partnerClientId in its a-z place. */
export const TOKEN_BINDING_SIGNED_KEYS = [
  'accessKey',
  'amount',
  'extraData',
  'ipnUrl',
  'orderId',
  'orderInfo',
  'partnerClientId',
  'partnerCode',
  'redirectUrl',
  'requestId',
  'requestType',
] as const;

/** The binding's IPN: the IPN list with callbackToken and partnerClientId in their a-z places. */
export const TOKEN_BINDING_IPN_SIGNED_KEYS = [
  'accessKey',
  'amount',
  'callbackToken',
  'extraData',
  'message',
  'orderId',
  'orderInfo',
  'orderType',
  'partnerClientId',
  'partnerCode',
  'payType',
  'requestId',
  'responseTime',
  'resultCode',
  'transId',
] as const;

export const TOKEN_CALLBACK_SIGNED_KEYS = [
  'accessKey',
  'callbackToken',
  'orderId',
  'partnerClientId',
  'partnerCode',
  'requestId',
] as const;

/** DeleteToken's keys in MoMo's Java SDK: accessKey, orderId, partnerClientId, partnerCode, requestId, token. */
export const TOKEN_DELETE_SIGNED_KEYS = [
  'accessKey',
  'orderId',
  'partnerClientId',
  'partnerCode',
  'requestId',
  'token',
] as const;

/**
 * tokenization/pay's keys. The reading taken: MoMo's Java sample (PayByToken) signs exactly these
 * nine, without ipnUrl and redirectUrl although both travel in the body; we could not read the
 * page's own list, so this is to be confirmed in MoMo's sandbox before the first live renewal.
 */
export const TOKEN_PAY_SIGNED_KEYS = [
  'accessKey',
  'amount',
  'extraData',
  'orderId',
  'orderInfo',
  'partnerClientId',
  'partnerCode',
  'requestId',
  'token',
] as const;

/**
 * A recurring charge's bounds. The pages give 1.000 VND as the minimum; the refund page caps refunds of
 * tokenization payments at 30.000.000 VND, and we keep charges to that too so every charge stays refundable.
 */
export const TOKEN_PAYMENT_LIMITS: VndLimits = { min: 1_000, max: 30_000_000 };

/** partnerClientId: "Regex: ^[0-9a-zA-Z]([-_.@]*[0-9a-zA-Z]+)*$" — our reader's id. */
const PARTNER_CLIENT_ID = /^[0-9a-zA-Z]([-_.@]*[0-9a-zA-Z]+)*$/;

function partnerClientId(value: string): string {
  if (!PARTNER_CLIENT_ID.test(value)) throw new MomoRequestError('partnerClientId', `not ${PARTNER_CLIENT_ID.source}`);
  return value;
}

export interface TokenBindingToCreate {
  paymentId: string;
  requestId: string;
  readerId: string;
  /** 0 VND binds only; otherwise the first payment, bound and paid at once. */
  money: MomoMoney;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  lang: MomoLanguage;
  extraData?: Readonly<Record<string, string>>;
}

export function buildTokenBindingBody(partner: MomoPartner, binding: TokenBindingToCreate) {
  const bindOnly = binding.money.currency === 'VND' && Number(binding.money.amountMinor) === 0;
  const unsigned = {
    partnerCode: partner.partnerCode,
    requestId: momoRequestId(binding.requestId),
    amount: bindOnly ? 0 : momoAmount(binding.money, TOKEN_PAYMENT_LIMITS),
    orderId: momoOrderId(binding.paymentId, 'paymentId'),
    orderInfo: binding.orderInfo,
    redirectUrl: binding.redirectUrl,
    ipnUrl: binding.ipnUrl,
    partnerClientId: partnerClientId(binding.readerId),
    requestType: TOKEN_BINDING_REQUEST_TYPE,
    extraData: momoExtraData(binding.extraData),
    lang: binding.lang,
  };
  const fields = { ...unsigned, accessKey: partner.accessKey };
  return { ...unsigned, signature: signMomo(fields, TOKEN_BINDING_SIGNED_KEYS, partner.secretKey) };
}

export function buildTokenCallbackBody(
  partner: MomoPartner,
  request: { paymentId: string; requestId: string; readerId: string; callbackToken: string; lang: MomoLanguage },
) {
  if (request.callbackToken.length === 0) throw new MomoRequestError('callbackToken', 'empty');
  const unsigned = {
    partnerCode: partner.partnerCode,
    requestId: momoRequestId(request.requestId),
    orderId: momoOrderId(request.paymentId, 'paymentId'),
    partnerClientId: partnerClientId(request.readerId),
    callbackToken: request.callbackToken,
    lang: request.lang,
  };
  const fields = { ...unsigned, accessKey: partner.accessKey };
  return { ...unsigned, signature: signMomo(fields, TOKEN_CALLBACK_SIGNED_KEYS, partner.secretKey) };
}

export interface RenewalCharge {
  /** Our payment id for this renewal (MoMo's orderId, new for every charge). */
  paymentId: string;
  requestId: string;
  readerId: string;
  /** The reader's stored (decrypted) MoMo token. */
  token: string;
  money: MomoMoney;
  orderInfo: string;
  ipnUrl: string;
  redirectUrl: string;
  lang: MomoLanguage;
  extraData?: Readonly<Record<string, string>>;
}

export function buildTokenPayBody(partner: MomoPartner, charge: RenewalCharge) {
  if (charge.token.length === 0) throw new MomoRequestError('token', 'empty');
  const unsigned = {
    partnerCode: partner.partnerCode,
    requestId: momoRequestId(charge.requestId),
    orderId: momoOrderId(charge.paymentId, 'paymentId'),
    amount: momoAmount(charge.money, TOKEN_PAYMENT_LIMITS),
    partnerClientId: partnerClientId(charge.readerId),
    token: charge.token,
    orderInfo: charge.orderInfo,
    ipnUrl: charge.ipnUrl,
    redirectUrl: charge.redirectUrl,
    extraData: momoExtraData(charge.extraData),
    lang: charge.lang,
  };
  const fields = { ...unsigned, accessKey: partner.accessKey };
  return { ...unsigned, signature: signMomo(fields, TOKEN_PAY_SIGNED_KEYS, partner.secretKey) };
}

export function buildTokenDeleteBody(
  partner: MomoPartner,
  request: { orderId: string; requestId: string; readerId: string; token: string; lang: MomoLanguage },
) {
  if (request.token.length === 0) throw new MomoRequestError('token', 'empty');
  const unsigned = {
    partnerCode: partner.partnerCode,
    requestId: momoRequestId(request.requestId),
    orderId: momoOrderId(request.orderId),
    partnerClientId: partnerClientId(request.readerId),
    token: request.token,
    lang: request.lang,
  };
  const fields = { ...unsigned, accessKey: partner.accessKey };
  return { ...unsigned, signature: signMomo(fields, TOKEN_DELETE_SIGNED_KEYS, partner.secretKey) };
}
