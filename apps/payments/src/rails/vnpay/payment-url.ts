import { isIP } from 'node:net';
import { orderInfoWithoutAccents } from './order-info';
import { toVnpayAmount } from './vnpay-amount';
import { canonicalQuery, signVnpay } from './vnpay-checksum';
import { formatVnpayDate } from './vnpay-date';
import { BANK_CODE, Money, ORDER_TYPE, refuse, requireMatch, TMN_CODE, TXN_REF, VnpayTerminal } from './vnpay-fields';

export const VNPAY_VERSION = '2.1.0';
export const VNPAY_SANDBOX_PAYMENT_URL = 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html';

export type VnpayLocale = 'vn' | 'en';

/** One payment the reader makes once, on VNPay's page. */
export interface OneTimePayment {
  /** Our payment id, sent as vnp_TxnRef; VNPay refuses a second payment with the same one that day. */
  paymentId: string;
  money: Money;
  /** Shown to the payer; accents are removed, as VNPay requires. */
  orderInfo: string;
  /** VNPay's goods category code; "other" when we have none better. */
  orderType: string;
  locale: VnpayLocale;
  returnUrl: string;
  payerIp: string;
  createdAt: Date;
  /** vnp_ExpireDate is required in 2.1.0 (VNPay's sample sets 15 minutes after creation). */
  expiresAt: Date;
  /** Optional: skip VNPay's method choice (e.g. VNPAYQR, VNBANK, INTCARD). */
  bankCode?: string;
}

export interface PaymentRedirect {
  url: string;
  secureHash: string;
}

/** The signed URL that sends the payer to VNPay's payment page (vnp_Command=pay). */
export function buildPaymentUrl(terminal: VnpayTerminal, gatewayUrl: string, payment: OneTimePayment): PaymentRedirect {
  const params: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: requireMatch('tmnCode', terminal.tmnCode, TMN_CODE),
    vnp_Amount: toVnpayAmount('money', payment.money),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: requireMatch('paymentId', payment.paymentId, TXN_REF),
    vnp_OrderInfo: orderInfoWithoutAccents('orderInfo', payment.orderInfo),
    vnp_OrderType: requireMatch('orderType', payment.orderType, ORDER_TYPE),
    vnp_Locale: localeOf(payment.locale),
    vnp_ReturnUrl: returnUrlOf(payment.returnUrl),
    vnp_IpAddr: payerIpOf(payment.payerIp),
    vnp_CreateDate: formatVnpayDate('createdAt', payment.createdAt),
    vnp_ExpireDate: formatVnpayDate('expiresAt', payment.expiresAt),
  };
  if (payment.expiresAt.getTime() <= payment.createdAt.getTime()) refuse('expiresAt', 'must be after createdAt');
  if (payment.bankCode !== undefined) params.vnp_BankCode = requireMatch('bankCode', payment.bankCode, BANK_CODE);

  // The query sent is the very string signed, so nothing can re-encode it in between.
  const signed = canonicalQuery(params);
  const secureHash = signVnpay(terminal.hashSecret, signed);
  return { url: `${gatewayUrl}?${signed}&vnp_SecureHash=${secureHash}`, secureHash };
}

function localeOf(locale: string): VnpayLocale {
  if (locale !== 'vn' && locale !== 'en') refuse('locale', 'must be vn or en');
  return locale;
}

function returnUrlOf(text: string): string {
  // vnp_ReturnUrl is Alphanumeric[10,255].
  const parsed = URL.canParse(text) ? new URL(text) : undefined;
  if (!parsed || !['https:', 'http:'].includes(parsed.protocol)) refuse('returnUrl', 'must be an http(s) URL');
  if (text.length < 10 || text.length > 255) refuse('returnUrl', 'must be 10 to 255 characters');
  return text;
}

function payerIpOf(text: string): string {
  // vnp_IpAddr is Alphanumeric[7,45]: an IPv4 or IPv6 address.
  if (isIP(text) === 0) refuse('payerIp', 'is not an IP address');
  return text;
}
