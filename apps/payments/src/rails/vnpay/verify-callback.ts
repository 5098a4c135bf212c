import { ValidationFailedError } from '@libs/common';
import { fromVnpayAmount } from './vnpay-amount';
import { canonicalQuery, checksumMatches } from './vnpay-checksum';
import { parseVnpayDate } from './vnpay-date';
import { Money, VnpayTerminal } from './vnpay-fields';

/** A return-URL or IPN query as a framework hands it over, or as URLSearchParams. */
export type CallbackQuery = URLSearchParams | Record<string, string | string[] | undefined>;

/** What VNPay tells us about a payment, once its checksum is ours. */
export interface VnpayCallback {
  paymentId: string;
  money: Money;
  /** VNPay's number for the transaction (vnp_TransactionNo); refunds name it. */
  transactionNo: string;
  bankCode: string;
  bankTranNo: string | null;
  cardType: string | null;
  payDate: Date | null;
  /** vnp_ResponseCode: '00' success, '24' payer cancelled, '11' expired, ... */
  responseCode: string;
  /** vnp_TransactionStatus: '00' success, '01' unfinished, '02' error, '07' suspected fraud, ... */
  transactionStatus: string;
  paid: boolean;
}

export type CallbackVerification =
  | { verified: true; callback: VnpayCallback }
  | {
      verified: false;
      reason: 'missing-checksum' | 'checksum-mismatch' | 'other-terminal' | 'malformed';
      field?: string;
    };

// Not part of the signed data: the checksum itself, and vnp_SecureHashType (2.0.x only).
const UNSIGNED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/**
 * Checks a callback's vnp_SecureHash over its other vnp_* parameters, then reads it.
 * Reading taken: an empty parameter is left out of the signed data, as VNPay's Java sample does
 * (the PHP sample keeps it); VNPay does not send empty ones in practice, and if it ever signed one
 * the result would be a refusal, never a false acceptance.
 */
export function verifyCallback(terminal: VnpayTerminal, query: CallbackQuery): CallbackVerification {
  const fields = vnpFieldsOf(query);
  if (!fields) return { verified: false, reason: 'malformed', field: 'query' };
  const received = fields.vnp_SecureHash;
  if (!received) return { verified: false, reason: 'missing-checksum' };

  const signed: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (!UNSIGNED.has(name) && value !== '') signed[name] = value;
  if (!checksumMatches(terminal.hashSecret, canonicalQuery(signed), received)) {
    return { verified: false, reason: 'checksum-mismatch' };
  }
  if (fields.vnp_TmnCode !== terminal.tmnCode) return { verified: false, reason: 'other-terminal' };
  try {
    return { verified: true, callback: callbackOf(fields) };
  } catch (error) {
    if (error instanceof ValidationFailedError)
      return { verified: false, reason: 'malformed', field: error.errors?.[0]?.field };
    throw error;
  }
}

function callbackOf(fields: Record<string, string>): VnpayCallback {
  const responseCode = fields.vnp_ResponseCode ?? '';
  const transactionStatus = fields.vnp_TransactionStatus ?? '';
  return {
    paymentId: fields.vnp_TxnRef ?? '',
    money: fromVnpayAmount('vnp_Amount', fields.vnp_Amount ?? ''),
    transactionNo: fields.vnp_TransactionNo ?? '',
    bankCode: fields.vnp_BankCode ?? '',
    bankTranNo: fields.vnp_BankTranNo || null,
    cardType: fields.vnp_CardType || null,
    payDate: fields.vnp_PayDate ? parseVnpayDate('vnp_PayDate', fields.vnp_PayDate) : null,
    responseCode,
    transactionStatus,
    paid: responseCode === '00' && transactionStatus === '00',
  };
}

/** The vnp_* parameters, each given once; undefined when one is repeated. */
function vnpFieldsOf(query: CallbackQuery): Record<string, string> | undefined {
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!name.startsWith('vnp_') || value === undefined) continue;
    if (typeof value !== 'string' || name in fields) return undefined;
    fields[name] = value;
  }
  return fields;
}
