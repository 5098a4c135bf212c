import { CREATE_PAYMENT_LIMITS, MomoMoney, momoAmount } from './momo-amount';
import { momoExtraData, momoOrderId, momoRequestId } from './momo-identifiers';
import { MomoLanguage, MomoPartner } from './momo-partner';
import { MomoRequestError } from './momo-request.error';
import { signMomo } from './momo-signature';

export const CREATE_PAYMENT_PATH = '/v2/gateway/api/create';

/**
 * captureWallet: the MoMo wallet page (QR, app, web login). payWithMethod: MoMo's page offering every
 * method the contract enables (wallet, ATM, cards). Both go to the same endpoint and sign the same keys.
 */
export type MomoPaymentMethod = 'captureWallet' | 'payWithMethod';

/**
 * The keys of the create signature, as documented for captureWallet (and the same list in MoMo's
 * Java sample, CreateOrderMoMo): a-z, requestType last. lang and autoCapture are sent but not signed.
 */
export const CREATE_PAYMENT_SIGNED_KEYS = [
  'accessKey',
  'amount',
  'extraData',
  'ipnUrl',
  'orderId',
  'orderInfo',
  'partnerCode',
  'redirectUrl',
  'requestId',
  'requestType',
] as const;

export interface PaymentToCreate {
  /** Our payment's id, sent as MoMo's orderId (unique per partner). */
  paymentId: string;
  /** Unique per attempt; MoMo answers a repeated requestId with the first result (idempotency). */
  requestId: string;
  money: MomoMoney;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  method: MomoPaymentMethod;
  lang: MomoLanguage;
  extraData?: Readonly<Record<string, string>>;
  /**
   * Documented for wallet and card payments: false only authorizes (resultCode 9000) and a later
   * /v2/gateway/api/confirm captures or cancels. Left out, MoMo captures at once.
   */
  autoCapture?: boolean;
}

export interface CreatePaymentBody {
  partnerCode: string;
  requestId: string;
  amount: number;
  orderId: string;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  requestType: MomoPaymentMethod;
  extraData: string;
  lang: MomoLanguage;
  autoCapture?: boolean;
  signature: string;
}

/** orderInfo: String(255) on the wallet page. */
const ORDER_INFO_MAX_LENGTH = 255;

export function buildCreatePaymentBody(partner: MomoPartner, payment: PaymentToCreate): CreatePaymentBody {
  if (payment.orderInfo.length === 0 || payment.orderInfo.length > ORDER_INFO_MAX_LENGTH)
    throw new MomoRequestError('orderInfo', `1..${ORDER_INFO_MAX_LENGTH} characters`);
  for (const field of ['redirectUrl', 'ipnUrl'] as const)
    if (!URL.canParse(payment[field])) throw new MomoRequestError(field, 'not a URL');
  const unsigned = {
    partnerCode: partner.partnerCode,
    requestId: momoRequestId(payment.requestId),
    amount: momoAmount(payment.money, CREATE_PAYMENT_LIMITS),
    orderId: momoOrderId(payment.paymentId, 'paymentId'),
    orderInfo: payment.orderInfo,
    redirectUrl: payment.redirectUrl,
    ipnUrl: payment.ipnUrl,
    requestType: payment.method,
    extraData: momoExtraData(payment.extraData),
    lang: payment.lang,
    ...(payment.autoCapture === undefined ? {} : { autoCapture: payment.autoCapture }),
  };
  const signature = signMomo(
    { ...unsigned, accessKey: partner.accessKey },
    CREATE_PAYMENT_SIGNED_KEYS,
    partner.secretKey,
  );
  return { ...unsigned, signature };
}
