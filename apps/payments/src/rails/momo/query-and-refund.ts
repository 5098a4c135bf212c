import { MomoMoney, VndLimits, momoAmount } from './momo-amount';
import { momoOrderId, momoRequestId } from './momo-identifiers';
import { MomoLanguage, MomoPartner } from './momo-partner';
import { MomoRequestError } from './momo-request.error';
import { signMomo } from './momo-signature';
import { MOMO_PAID } from './verify-ipn';

export const QUERY_PATH = '/v2/gateway/api/query';
export const REFUND_PATH = '/v2/gateway/api/refund';

/** The query page's list: accessKey=$accessKey&orderId=$orderId&partnerCode=$partnerCode&requestId=$requestId. */
export const QUERY_SIGNED_KEYS = ['accessKey', 'orderId', 'partnerCode', 'requestId'] as const;

/**
 * The refund page's list (its "$acessKey" is a typo of the page; the key is accessKey, as in MoMo's
 * Java sample RefundTransaction): accessKey, amount, description, orderId, partnerCode, requestId, transId.
 */
export const REFUND_SIGNED_KEYS = [
  'accessKey',
  'amount',
  'description',
  'orderId',
  'partnerCode',
  'requestId',
  'transId',
] as const;

/**
 * Refund page: "Min: 1.000 VND (10.000 VND for Local ATM Card payment method), Max: 50.000.000 VND
 * (30.000.000 VND for Tokenization payment method)". The ATM and token bounds are checked by the caller
 * that knows the payment's method, passing these limits.
 */
export const REFUND_LIMITS: VndLimits = { min: 1_000, max: 50_000_000 };
export const TOKEN_PAYMENT_REFUND_LIMITS: VndLimits = { min: 1_000, max: 30_000_000 };

export interface QueryBody {
  partnerCode: string;
  requestId: string;
  orderId: string;
  lang: MomoLanguage;
  signature: string;
}

export function buildQueryBody(
  partner: MomoPartner,
  paymentId: string,
  requestId: string,
  lang: MomoLanguage,
): QueryBody {
  const unsigned = {
    partnerCode: partner.partnerCode,
    requestId: momoRequestId(requestId),
    orderId: momoOrderId(paymentId, 'paymentId'),
    lang,
  };
  const signature = signMomo({ ...unsigned, accessKey: partner.accessKey }, QUERY_SIGNED_KEYS, partner.secretKey);
  return { ...unsigned, signature };
}

export interface RefundToRequest {
  /** Our refund's id, sent as MoMo's orderId: "must be different from orderId of the original purchase". */
  refundId: string;
  requestId: string;
  /** MoMo's transId of the paid payment (from the IPN or the query). */
  transId: string;
  money: MomoMoney;
  /**
   * What the payment took, when the caller knows it: a refund above it is refused here and full or
   * partial is known. The rail port does not carry it (the payments service checks what was paid).
   */
  paid?: MomoMoney;
  description: string;
  lang: MomoLanguage;
  limits?: VndLimits;
}

export interface RefundBody {
  partnerCode: string;
  orderId: string;
  requestId: string;
  amount: number;
  transId: number;
  lang: MomoLanguage;
  description: string;
  signature: string;
}

export interface RefundRequest {
  body: RefundBody;
  /**
   * full: the whole paid amount; partial: less (MoMo accepts several partial refunds up to the total);
   * null when what was paid is not known here.
   */
  scope: 'full' | 'partial' | null;
}

export function buildRefundBody(partner: MomoPartner, refund: RefundToRequest): RefundRequest {
  const limits = refund.limits ?? REFUND_LIMITS;
  const amount = momoAmount(refund.money, limits);
  const paid =
    refund.paid === undefined ? null : momoAmount(refund.paid, { min: 1, max: Number.MAX_SAFE_INTEGER }, 'paid');
  if (paid !== null && amount > paid)
    throw new MomoRequestError('amount', `refund ${amount} exceeds the ${paid} VND paid`);
  if (!/^[1-9][0-9]{0,15}$/.test(refund.transId) || !Number.isSafeInteger(Number(refund.transId)))
    throw new MomoRequestError('transId', "not MoMo's transaction id");
  const unsigned = {
    partnerCode: partner.partnerCode,
    orderId: momoOrderId(refund.refundId, 'refundId'),
    requestId: momoRequestId(refund.requestId),
    amount,
    transId: Number(refund.transId),
    lang: refund.lang,
    description: refund.description,
  };
  const signature = signMomo({ ...unsigned, accessKey: partner.accessKey }, REFUND_SIGNED_KEYS, partner.secretKey);
  const scope = paid === null ? null : amount === paid ? 'full' : 'partial';
  return { body: { ...unsigned, signature }, scope };
}

/**
 * The query and refund pages list no signature in their responses (unlike the IPN), so there is
 * nothing to verify: these answers are trusted only as far as the TLS connection we opened to MoMo.
 * A payment's state that moves money is taken from a verified IPN; the query only confirms or
 * reconciles it. (Should MoMo add a response signature, it would be verified here.)
 */
export interface MomoQueryOutcome {
  paymentId: string;
  requestId: string;
  amountVnd: bigint;
  transId: string;
  resultCode: number;
  paid: boolean;
  message: string;
  payType: string;
  respondedAt: Date;
  /** The refunds MoMo lists for this payment (refundTrans), each with its own result. */
  refunds: { refundId: string; amountVnd: bigint; transId: string; resultCode: number }[];
}

export interface MomoRefundOutcome {
  refundId: string;
  requestId: string;
  amountVnd: bigint;
  transId: string;
  resultCode: number;
  refunded: boolean;
  message: string;
  respondedAt: Date;
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new MomoRequestError(key, 'missing or not a string');
  return value;
}

function whole(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (!Number.isSafeInteger(value)) throw new MomoRequestError(key, 'missing or not a whole number');
  return value as number;
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) throw new MomoRequestError('body', 'not a JSON object');
  return body as Record<string, unknown>;
}

function ours(partner: MomoPartner, body: Record<string, unknown>): void {
  if (text(body, 'partnerCode') !== partner.partnerCode)
    throw new MomoRequestError('partnerCode', 'not our partner code');
}

export function readQueryResponse(partner: MomoPartner, response: unknown): MomoQueryOutcome {
  const body = object(response);
  ours(partner, body);
  const resultCode = whole(body, 'resultCode');
  const refundTrans = body.refundTrans ?? [];
  if (!Array.isArray(refundTrans)) throw new MomoRequestError('refundTrans', 'not a list');
  return {
    paymentId: text(body, 'orderId'),
    requestId: text(body, 'requestId'),
    amountVnd: BigInt(whole(body, 'amount')),
    // transId is 0 (or absent) while nothing was paid
    transId: String(body.transId ?? 0),
    resultCode,
    paid: resultCode === MOMO_PAID,
    message: text(body, 'message'),
    payType: typeof body.payType === 'string' ? body.payType : '',
    respondedAt: new Date(whole(body, 'responseTime')),
    refunds: refundTrans.map((entry) => {
      const refund = object(entry);
      return {
        refundId: text(refund, 'orderId'),
        amountVnd: BigInt(whole(refund, 'amount')),
        transId: String(whole(refund, 'transId')),
        resultCode: whole(refund, 'resultCode'),
      };
    }),
  };
}

export function readRefundResponse(partner: MomoPartner, response: unknown): MomoRefundOutcome {
  const body = object(response);
  ours(partner, body);
  const resultCode = whole(body, 'resultCode');
  return {
    refundId: text(body, 'orderId'),
    requestId: text(body, 'requestId'),
    amountVnd: BigInt(whole(body, 'amount')),
    transId: String(whole(body, 'transId')),
    resultCode,
    refunded: resultCode === MOMO_PAID,
    message: text(body, 'message'),
    respondedAt: new Date(whole(body, 'responseTime')),
  };
}
