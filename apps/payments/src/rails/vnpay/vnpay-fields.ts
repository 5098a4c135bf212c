import { ValidationFailedError } from '@libs/common';

/** The terminal VNPay gave us: its code (vnp_TmnCode) and the secret both sides sign with. */
export interface VnpayTerminal {
  tmnCode: string;
  hashSecret: string;
}

/** Money as the house carries it: integer minor units and an ISO 4217 code. VND has no minor unit. */
export interface Money {
  minorUnits: bigint;
  currency: string;
}

// Field formats from the PAY 2.1.0 parameter tables (sandbox.vnpayment.vn/apis/docs).
export const TMN_CODE = /^[A-Za-z0-9]{8}$/; // Alphanumeric[8]
// vnp_TxnRef is documented as Alphanumeric[1,100]; we keep to that literally (a UUID fits once its
// hyphens are dropped) rather than trust that '-' and '_' pass every VNPay check.
export const TXN_REF = /^[A-Za-z0-9]{1,100}$/;
export const REQUEST_ID = /^[A-Za-z0-9]{1,32}$/; // vnp_RequestId Alphanumeric[1,32]
export const BANK_CODE = /^[A-Za-z0-9]{3,20}$/; // vnp_BankCode Alphanumeric[3,20]
export const ORDER_TYPE = /^[A-Za-z0-9_]{1,100}$/; // vnp_OrderType: a category code such as "other"
export const TRANSACTION_NO = /^[0-9]{1,15}$/; // vnp_TransactionNo Numeric[1,15]
export const CREATE_BY = /^[A-Za-z0-9 ._@-]{1,250}$/; // vnp_CreateBy Alphanumeric[1,250]

/** Refuses a value that breaks VNPay's format, naming our field (problem+json names it too). */
export function refuse(field: string, message: string): never {
  throw new ValidationFailedError([{ field, message }]);
}

export function requireMatch(field: string, value: string, format: RegExp): string {
  if (typeof value !== 'string' || !format.test(value)) refuse(field, `does not match ${format.source}`);
  return value;
}
