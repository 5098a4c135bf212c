import { NotificationReading } from '../payment-rail';
import { PayosCredentials } from './payos-credentials';
import { parsePayosDate } from './payos-date';
import { dataSignedString, signatureMatches } from './payos-signature';

// payOS sends this documented sample, signed with the channel's checksum key, when a merchant
// registers (or confirms) its webhook URL; it must be answered 200 and settles nothing.
const CONFIRMATION_SAMPLE = {
  orderCode: 123,
  reference: 'TF230204212323',
  paymentLinkId: '124c33293c43417ab7879e14c8d9eb18',
};

/** Reads a payOS webhook (POST, JSON `{ code, desc, success, data, signature }`), its signature first. */
export function readPayosNotification(
  credentials: PayosCredentials,
  method: string,
  body: Buffer,
): NotificationReading {
  if (method !== 'POST') return malformed(`payOS notifies by POST, not ${method}`);
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return malformed('the body is not JSON');
  }
  if (!isRecord(payload) || !isRecord(payload.data)) return malformed('the body has no data object');
  if (typeof payload.signature !== 'string') return malformed('the body has no signature');
  const data = payload.data;
  if (!signatureMatches(credentials.checksumKey, dataSignedString(data), payload.signature)) {
    return { verified: false, reason: 'bad-signature', detail: 'the signature over data does not verify' };
  }

  const { orderCode, amount, reference, code } = data;
  if (typeof orderCode !== 'number' || !Number.isSafeInteger(orderCode) || orderCode <= 0) {
    return malformed('data.orderCode is not a positive integer');
  }
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    return malformed('data.amount is not a whole number of dong');
  }
  if (typeof reference !== 'string' || reference === '') return malformed('data.reference is missing');
  if (typeof code !== 'string') return malformed('data.code is missing');

  const orderReference = String(orderCode);
  if (isConfirmationSample(data)) {
    return {
      verified: true,
      report: {
        orderReference,
        outcome: 'not-found',
        amount: null,
        currency: null,
        providerTransactionId: null,
        failure: null,
        occurredAt: null,
      },
      dedupeKey: `webhook-confirmation:${reference}`,
    };
  }
  const paid = payload.code === '00' && code === '00';
  return {
    verified: true,
    report: {
      orderReference,
      outcome: paid ? 'succeeded' : 'failed',
      amount: BigInt(amount),
      currency: typeof data.currency === 'string' && data.currency !== '' ? data.currency : 'VND',
      providerTransactionId: reference,
      failure: paid ? null : `${code} ${typeof data.desc === 'string' ? data.desc : ''}`.trim(),
      occurredAt: parsePayosDate(data.transactionDateTime),
    },
    dedupeKey: `${orderCode}:${reference}:${code}`,
  };
}

function isConfirmationSample(data: Record<string, unknown>): boolean {
  return (
    data.orderCode === CONFIRMATION_SAMPLE.orderCode &&
    data.reference === CONFIRMATION_SAMPLE.reference &&
    data.paymentLinkId === CONFIRMATION_SAMPLE.paymentLinkId
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(detail: string): NotificationReading {
  return { verified: false, reason: 'malformed', detail };
}
