import { IncomingNotification, NotificationReading } from '../payment-rail';
import { verifyCallback } from './verify-callback';
import { paymentFailureOf } from './vnpay-response-codes';
import { VnpayTerminal } from './vnpay-fields';

const REQUIRED = ['vnp_TxnRef', 'vnp_TransactionNo', 'vnp_ResponseCode', 'vnp_TransactionStatus'] as const;

/**
 * VNPay's IPN, a GET whose query parameters carry the payment and their checksum: verified before
 * anything is read, and never a throw, whatever arrives.
 */
export function readVnpayNotification(
  terminal: VnpayTerminal,
  notification: IncomingNotification,
): NotificationReading {
  try {
    return read(terminal, notification);
  } catch (error) {
    return { verified: false, reason: 'malformed', detail: `unreadable: ${(error as Error).message}` };
  }
}

function read(terminal: VnpayTerminal, notification: IncomingNotification): NotificationReading {
  if (notification.method !== 'GET') return malformed(`VNPay notifies by GET, not ${notification.method}`);
  // An empty secret would let anyone sign; the account is misconfigured, and nothing it receives is trusted.
  if (terminal.hashSecret === '') return malformed('the account has no hash secret');

  const verification = verifyCallback(terminal, notification.query);
  if (!verification.verified) {
    switch (verification.reason) {
      case 'missing-checksum':
        return { verified: false, reason: 'bad-signature', detail: 'vnp_SecureHash is missing' };
      case 'checksum-mismatch':
        return { verified: false, reason: 'bad-signature', detail: 'vnp_SecureHash does not match' };
      case 'other-terminal':
        return malformed('signed for another terminal (vnp_TmnCode)');
      case 'malformed':
        return malformed(`${verification.field ?? 'a parameter'} is not readable`);
    }
  }
  const missing = REQUIRED.find((name) => !notification.query.get(name));
  if (missing) return malformed(`${missing} is missing`);

  const { callback } = verification;
  return {
    verified: true,
    // The order is part of the key: VNPay numbers a cancelled payment 0, so two cancelled orders would share one.
    dedupeKey: `${callback.paymentId}:${callback.transactionNo}:${callback.responseCode}:${callback.transactionStatus}`,
    report: {
      orderReference: callback.paymentId,
      outcome: callback.paid ? 'succeeded' : 'failed',
      amount: callback.paid ? callback.money.minorUnits : null,
      currency: callback.paid ? callback.money.currency : null,
      providerTransactionId: callback.transactionNo,
      failure: callback.paid ? null : paymentFailureOf(callback.responseCode, callback.transactionStatus),
      occurredAt: callback.payDate,
    },
  };
}

function malformed(detail: string): NotificationReading {
  return { verified: false, reason: 'malformed', detail };
}
