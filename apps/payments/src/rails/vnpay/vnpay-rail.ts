import { assertUnreachable } from '@libs/common';
import {
  AttemptReport,
  AttemptToQuery,
  AttemptToStart,
  CheckedCredentials,
  IncomingNotification,
  NotificationReading,
  NotificationVerdict,
  PaymentRail,
  ProviderAnswer,
  RailAccount,
  RefundReport,
  RefundToRequest,
  StartedAttempt,
} from '../payment-rail';
import { RailHttp } from '../rail-http';
import { VNPAY_CAPABILITIES } from './capabilities';
import { IpnDecision, ipnAnswer } from './ipn-answer';
import { buildPaymentUrl } from './payment-url';
import { checkVnpayCredentials, terminalOf } from './vnpay-credentials';
import { vnpayAddresses, VNPAY_ENDPOINTS } from './vnpay-endpoints';
import { withPortFieldNames } from './vnpay-field-names';
import { refuse } from './vnpay-fields';
import { readVnpayNotification } from './vnpay-notification';
import { refundVnpayPayment } from './vnpay-refund';
import { queryVnpayAttempt } from './vnpay-status-query';

// vnp_BankCode: the payment methods PAY 2.1.0 documents (QR, domestic card or account, international
// card). Reading taken: a single bank's code (NCB, VCB, ...) is also accepted by VNPay, but which ones
// depends on the merchant's contract (VNPay's bank-list API), so none is accepted here.
const METHODS = new Set(['VNPAYQR', 'VNBANK', 'INTCARD']);

const START_FIELDS = {
  paymentId: 'orderReference',
  'money.currency': 'currency',
  'money.minorUnits': 'amount',
  orderInfo: 'description',
  payerIp: 'clientIp',
  tmnCode: 'credentials.tmnCode',
};

/** VNPay PAY 2.1.0 behind the rail port: a signed redirect to VNPay's page, its IPN, querydr and refund. */
export class VnpayRail implements PaymentRail {
  readonly name = 'vnpay' as const;
  readonly capabilities = VNPAY_CAPABILITIES;
  readonly endpoints = VNPAY_ENDPOINTS;

  constructor(private readonly http: RailHttp) {}

  checkCredentials(input: Readonly<Record<string, string>>): CheckedCredentials {
    return checkVnpayCredentials(input);
  }

  /**
   * No API call: the payer is sent to VNPay with a signed URL. `attempt.notificationUrl` is not
   * sent: VNPay notifies the IPN URL registered for the terminal.
   */
  async start(account: RailAccount, attempt: AttemptToStart): Promise<StartedAttempt> {
    if (attempt.method !== null && !METHODS.has(attempt.method)) {
      refuse('method', `must be one of ${[...METHODS].join(', ')}`);
    }
    const redirect = withPortFieldNames(START_FIELDS, () =>
      buildPaymentUrl(terminalOf(account), vnpayAddresses(account.baseUrl).paymentPage, {
        paymentId: attempt.orderReference,
        money: { minorUnits: attempt.amount, currency: attempt.currency },
        orderInfo: attempt.description,
        orderType: 'other',
        locale: attempt.locale === 'vi' ? 'vn' : 'en',
        returnUrl: attempt.returnUrl,
        payerIp: attempt.clientIp,
        createdAt: attempt.createdAt,
        expiresAt: attempt.expiresAt,
        bankCode: attempt.method ?? undefined,
      }),
    );
    return Promise.resolve({ redirectUrl: redirect.url, qrCode: null, providerReference: null });
  }

  readNotification(account: RailAccount, notification: IncomingNotification): NotificationReading {
    return readVnpayNotification(terminalOf(account), notification);
  }

  /** VNPay reads RspCode alone: 00 and 02 end its retries, any other code has it notify again. */
  answer(verdict: NotificationVerdict): ProviderAnswer {
    return { status: 200, contentType: 'application/json', body: JSON.stringify(ipnAnswer(decisionOf(verdict))) };
  }

  query(account: RailAccount, attempt: AttemptToQuery): Promise<AttemptReport> {
    return queryVnpayAttempt(this.http, terminalOf(account), vnpayAddresses(account.baseUrl).transactionApi, attempt);
  }

  refund(account: RailAccount, refund: RefundToRequest): Promise<RefundReport> {
    return refundVnpayPayment(this.http, terminalOf(account), vnpayAddresses(account.baseUrl).transactionApi, refund);
  }
}

function decisionOf(verdict: NotificationVerdict): IpnDecision {
  switch (verdict) {
    case 'accepted':
      return { kind: 'confirmed' };
    case 'duplicate':
    case 'already-settled':
      return { kind: 'order-already-confirmed' };
    case 'unknown-order':
      return { kind: 'order-not-found' };
    case 'amount-mismatch':
      return { kind: 'invalid-amount' };
    case 'bad-signature':
      return { kind: 'invalid-checksum' };
    case 'malformed':
    case 'failed':
      return { kind: 'unknown-error' };
    default:
      return assertUnreachable(verdict);
  }
}
