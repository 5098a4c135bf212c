import { isIP } from 'node:net';
import { ValidationFailedError } from '@libs/common';
import { orderInfoWithoutAccents } from './order-info';
import { VNPAY_VERSION } from './payment-url';
import { fromVnpayAmount, toVnpayAmount } from './vnpay-amount';
import { checksumMatches, signVnpay } from './vnpay-checksum';
import { formatVnpayDate, parseVnpayDate } from './vnpay-date';
import {
  CREATE_BY,
  Money,
  refuse,
  REQUEST_ID,
  requireMatch,
  TMN_CODE,
  TRANSACTION_NO,
  TXN_REF,
  VnpayTerminal,
} from './vnpay-fields';

// querydr and refund: JSON POSTed to https://sandbox.vnpayment.vn/merchant_webapi/api/transaction.
// Each side signs its fields joined with '|' in a fixed order; an absent field joins as the empty
// string. Reading taken: the stored copy of VNPay's "querydr, refund" page we could read gives the
// parameter tables but was cut before its checksum lines, so these orders are the ones the npm
// `vnpay` package (query.service.ts) and other integrations citing that page use, which agree.
// Where they differ: `vnpay` hashes a querydr answer with our own TmnCode; we hash the answer's
// vnp_TmnCode and then refuse it if it is not ours.
export const VNPAY_SANDBOX_TRANSACTION_API = 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction';

// prettier-ignore
const QUERY_REQUEST_ORDER = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef',
  'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;
// prettier-ignore
const REFUND_REQUEST_ORDER = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef',
  'vnp_Amount', 'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate',
  'vnp_IpAddr', 'vnp_OrderInfo',
] as const;
// prettier-ignore
const REFUND_RESPONSE_ORDER = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef',
  'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType',
  'vnp_TransactionStatus', 'vnp_OrderInfo',
] as const;
const QUERY_RESPONSE_ORDER = [...REFUND_RESPONSE_ORDER, 'vnp_PromotionCode', 'vnp_PromotionAmount'] as const;

export interface TransactionQuery {
  /** Ours, unique per request and day (vnp_RequestId). */
  requestId: string;
  paymentId: string;
  /** When the payment was created: the vnp_CreateDate of its pay URL. */
  paymentCreatedAt: Date;
  requestedAt: Date;
  /** The IP address of our server making the call. */
  serverIp: string;
  orderInfo: string;
}

export interface RefundOrder extends TransactionQuery {
  /** '02' full or '03' partial, in VNPay's words. */
  extent: 'full' | 'partial';
  money: Money;
  /** VNPay's vnp_TransactionNo of the payment, from its callback. */
  transactionNo: string;
  /** Who asks for the refund (vnp_CreateBy). */
  requestedBy: string;
}

export type SignedBody = Record<string, string>;

export function buildQueryRequest(terminal: VnpayTerminal, query: TransactionQuery): SignedBody {
  return signedBody(terminal, QUERY_REQUEST_ORDER, { ...commonFields(terminal, query), vnp_Command: 'querydr' });
}

export function buildRefundRequest(terminal: VnpayTerminal, refund: RefundOrder): SignedBody {
  if (refund.extent !== 'full' && refund.extent !== 'partial') refuse('extent', 'must be full or partial');
  return signedBody(terminal, REFUND_REQUEST_ORDER, {
    ...commonFields(terminal, refund),
    vnp_Command: 'refund',
    vnp_TransactionType: refund.extent === 'full' ? '02' : '03',
    vnp_Amount: toVnpayAmount('money', refund.money),
    vnp_TransactionNo: requireMatch('transactionNo', refund.transactionNo, TRANSACTION_NO),
    vnp_CreateBy: requireMatch('requestedBy', refund.requestedBy, CREATE_BY),
  });
}

/** The pipe-joined string a body or response is signed over, in a documented order. */
export function pipeJoined(order: readonly string[], fields: Record<string, unknown>): string {
  return order
    .map((name) => (fields[name] === undefined || fields[name] === null ? '' : String(fields[name])))
    .join('|');
}

export interface TransactionAnswer {
  /** vnp_ResponseCode: '00' the request was handled; '91' not found, '94' duplicate, '97' checksum, ... */
  responseCode: string;
  message: string;
  paymentId: string;
  money: Money | null;
  transactionNo: string;
  bankCode: string;
  payDate: Date | null;
  /** '01' payment, '02' full refund, '03' partial refund. */
  transactionType: string;
  transactionStatus: string;
  /** For querydr: the payment went through. For refund: VNPay accepted the refund. */
  succeeded: boolean;
}

export type AnswerVerification =
  | { verified: true; answer: TransactionAnswer }
  | {
      verified: false;
      reason: 'missing-checksum' | 'checksum-mismatch' | 'other-terminal' | 'malformed';
      field?: string;
    };

export function verifyQueryResponse(terminal: VnpayTerminal, body: unknown): AnswerVerification {
  return verifyAnswer(
    terminal,
    body,
    QUERY_RESPONSE_ORDER,
    (a) => a.responseCode === '00' && a.transactionStatus === '00',
  );
}

/**
 * Reading taken: the npm `vnpay` package checks a refund answer's checksum only under a condition
 * that is never true; we check it always, like querydr's, in the documented refund-answer order.
 */
export function verifyRefundResponse(terminal: VnpayTerminal, body: unknown): AnswerVerification {
  return verifyAnswer(terminal, body, REFUND_RESPONSE_ORDER, (a) => a.responseCode === '00');
}

function commonFields(terminal: VnpayTerminal, query: TransactionQuery): Record<string, string> {
  return {
    vnp_RequestId: requireMatch('requestId', query.requestId, REQUEST_ID),
    vnp_Version: VNPAY_VERSION,
    vnp_TmnCode: requireMatch('tmnCode', terminal.tmnCode, TMN_CODE),
    vnp_TxnRef: requireMatch('paymentId', query.paymentId, TXN_REF),
    vnp_TransactionDate: formatVnpayDate('paymentCreatedAt', query.paymentCreatedAt),
    vnp_CreateDate: formatVnpayDate('requestedAt', query.requestedAt),
    vnp_IpAddr: isIP(query.serverIp) === 0 ? refuse('serverIp', 'is not an IP address') : query.serverIp,
    vnp_OrderInfo: orderInfoWithoutAccents('orderInfo', query.orderInfo),
  };
}

function signedBody(terminal: VnpayTerminal, order: readonly string[], fields: Record<string, string>): SignedBody {
  return { ...fields, vnp_SecureHash: signVnpay(terminal.hashSecret, pipeJoined(order, fields)) };
}

function verifyAnswer(
  terminal: VnpayTerminal,
  body: unknown,
  order: readonly string[],
  succeeded: (answer: TransactionAnswer) => boolean,
): AnswerVerification {
  if (typeof body !== 'object' || body === null) return { verified: false, reason: 'malformed', field: 'body' };
  const fields = body as Record<string, unknown>;
  const received = fields.vnp_SecureHash;
  if (typeof received !== 'string' || received === '') return { verified: false, reason: 'missing-checksum' };
  if (!checksumMatches(terminal.hashSecret, pipeJoined(order, fields), received)) {
    return { verified: false, reason: 'checksum-mismatch' };
  }
  if (fields.vnp_TmnCode !== terminal.tmnCode) return { verified: false, reason: 'other-terminal' };
  try {
    const text = (name: string) => (fields[name] === undefined || fields[name] === null ? '' : String(fields[name]));
    const answer: TransactionAnswer = {
      responseCode: text('vnp_ResponseCode'),
      message: text('vnp_Message'),
      paymentId: text('vnp_TxnRef'),
      money: text('vnp_Amount') === '' ? null : fromVnpayAmount('vnp_Amount', text('vnp_Amount')),
      transactionNo: text('vnp_TransactionNo'),
      bankCode: text('vnp_BankCode'),
      payDate: text('vnp_PayDate') === '' ? null : parseVnpayDate('vnp_PayDate', text('vnp_PayDate')),
      transactionType: text('vnp_TransactionType'),
      transactionStatus: text('vnp_TransactionStatus'),
      succeeded: false,
    };
    return { verified: true, answer: { ...answer, succeeded: succeeded(answer) } };
  } catch (error) {
    if (error instanceof ValidationFailedError)
      return { verified: false, reason: 'malformed', field: error.errors?.[0]?.field };
    throw error;
  }
}
