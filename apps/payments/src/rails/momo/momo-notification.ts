import { ValidationFailedError } from '@libs/common';
import { IncomingNotification, NotificationReading, NotificationVerdict, ProviderAnswer } from '../payment-rail';
import { MomoPartner } from './momo-partner';
import { momoResultOf } from './momo-result-codes';
import { IPN_ANSWER_STATUS, verifyIpn } from './verify-ipn';

/** An IPN is a few hundred bytes; anything far larger is not MoMo's. */
const IPN_MAX_BYTES = 64 * 1024;

/**
 * Reads MoMo's IPN (a POST of JSON) after verifying its signature over the documented keys. Never
 * throws on what arrives: a body that is not a well-formed IPN is `malformed`; one whose signature
 * or partnerCode is not ours is `bad-signature`.
 */
export function readMomoNotification(partner: MomoPartner, notification: IncomingNotification): NotificationReading {
  if (notification.method !== 'POST') return malformed('MoMo notifies by POST');
  if (notification.body.length > IPN_MAX_BYTES) return malformed(`body over ${IPN_MAX_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(notification.body.toString('utf8'));
  } catch {
    return malformed('body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return malformed('body is not a JSON object');
  const { partnerCode } = body as Record<string, unknown>;
  // Only a forger (or a misrouted IPN) names another partner: it cannot be authenticated as ours.
  if (typeof partnerCode === 'string' && partnerCode !== partner.partnerCode)
    return { verified: false, reason: 'bad-signature', detail: 'partnerCode: not our partner code' };
  try {
    const ipn = verifyIpn(partner, body);
    const result = momoResultOf(ipn.resultCode);
    const outcome = result === 'succeeded' || result === 'pending' ? result : 'failed';
    // A failure states the amount asked, not paid: the port wants null where nothing was paid.
    const amount = outcome === 'failed' ? null : ipn.amountVnd;
    return {
      verified: true,
      report: {
        orderReference: ipn.paymentId,
        outcome,
        amount,
        currency: amount === null ? null : 'VND',
        providerTransactionId: ipn.transId === '0' ? null : ipn.transId,
        failure: outcome === 'failed' ? `${ipn.resultCode} ${ipn.message}` : null,
        occurredAt: ipn.respondedAt,
        // MoMo's result codes: 0 paid, 9000 confirmed; "for a binding, go on and ask for the recurring token".
        ...(ipn.binding && ipn.binding.callbackToken !== '' && (ipn.paid || ipn.authorizedOnly)
          ? {
              savedTokenClaim: {
                orderReference: ipn.paymentId,
                payerReference: ipn.binding.partnerClientId,
                claimSecret: ipn.binding.callbackToken,
              },
            }
          : {}),
      },
      dedupeKey: `${ipn.transId}:${ipn.resultCode}`,
    };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const [first] = error.errors ?? [];
    const detail = first ? `${first.field}: ${first.message}` : error.message;
    return first?.field === 'signature' ? { verified: false, reason: 'bad-signature', detail } : malformed(detail);
  }
}

function malformed(detail: string): NotificationReading {
  return { verified: false, reason: 'malformed', detail };
}

/**
 * MoMo takes HTTP 204 as "received" and retries anything else. Every verdict the payments service
 * has dealt with (a duplicate, an order it does not know, an amount it refused) is acknowledged:
 * MoMo sending it again would change nothing. A forged or unreadable body gets a 400, and only a
 * failure on our side a 500, so that MoMo tries again later.
 */
export function answerMomo(verdict: NotificationVerdict): ProviderAnswer {
  switch (verdict) {
    case 'accepted':
    case 'duplicate':
    case 'already-settled':
    case 'unknown-order':
    case 'amount-mismatch':
      return { status: IPN_ANSWER_STATUS, contentType: null, body: '' };
    case 'bad-signature':
    case 'malformed':
      return json(400, { message: `notification refused: ${verdict}` });
    case 'failed':
      return json(500, { message: 'notification not processed; send it again' });
  }
}

function json(status: number, body: { message: string }): ProviderAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}
