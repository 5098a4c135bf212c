/**
 * MoMo's result codes ("List Result Codes", developers.momo.vn/v3/docs/payment/api/result-handling/resultcode),
 * sorted by what they say about a payment. One list serves the create, query and refund answers and the IPN.
 */
export const MOMO_SUCCESS = 0;

/** "Invalid orderId or orderId is not found": the query's answer for an order MoMo never saw. */
export const MOMO_ORDER_NOT_FOUND = 42;

/** "System is under maintenance": retry later, the request itself was fine. */
export const MOMO_MAINTENANCE = 10;

/**
 * Not final: 1000 initiated (awaiting the payer), 7000 and 7002 being processed, 8000 awaiting the
 * payer's confirmation again, 9000 authorized but not captured (autoCapture false).
 */
const PENDING = new Set([1000, 7000, 7002, 8000, 9000]);

/**
 * The list's codes below 1000 (other than 0) refuse the request itself (merchant authentication,
 * format, duplicate ids, amount out of range); from 1000 up they state the transaction's fate (declined,
 * expired, refund refused). A refusal of a query says nothing about the payment, so it must not fail it.
 */
export type MomoResult = 'succeeded' | 'pending' | 'failed' | 'request-refused';

export function momoResultOf(resultCode: number): MomoResult {
  if (resultCode === MOMO_SUCCESS) return 'succeeded';
  if (PENDING.has(resultCode)) return 'pending';
  return resultCode < 1000 ? 'request-refused' : 'failed';
}
