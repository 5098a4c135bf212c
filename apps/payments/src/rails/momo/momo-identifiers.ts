import { MOMO_ORDER_ID, MOMO_ORDER_ID_MAX_LENGTH, MOMO_REQUEST_ID_MAX_LENGTH } from './momo-partner';
import { MomoRequestError } from './momo-request.error';

export function momoOrderId(value: string, field = 'orderId'): string {
  if (value.length > MOMO_ORDER_ID_MAX_LENGTH || !MOMO_ORDER_ID.test(value))
    throw new MomoRequestError(
      field,
      `not a MoMo orderId (${MOMO_ORDER_ID.source}, at most ${MOMO_ORDER_ID_MAX_LENGTH})`,
    );
  return value;
}

export function momoRequestId(value: string): string {
  if (value.length === 0 || value.length > MOMO_REQUEST_ID_MAX_LENGTH)
    throw new MomoRequestError('requestId', `1..${MOMO_REQUEST_ID_MAX_LENGTH} characters`);
  return value;
}

/** extraData: "Default value is empty "" / Encode base64 follow Json format: {"key": "value"}". */
export function momoExtraData(data: Readonly<Record<string, string>> | undefined): string {
  if (data === undefined || Object.keys(data).length === 0) return '';
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64');
}
