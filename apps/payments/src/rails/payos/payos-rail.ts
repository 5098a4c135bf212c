import { CreatePaymentLinkRequest, PaymentLink, PayOS } from '@payos/node';
import { ValidationFailedError } from '@libs/common';
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
  RailCapabilities,
  RailEndpoints,
  StartedAttempt,
} from '../payment-rail';
import { RailHttp, RailUnavailableError } from '../rail-http';
import { checkPayosCredentials, payosCredentialsOf } from './payos-credentials';
import { parsePayosDate } from './payos-date';
import { payosDescriptionOf } from './payos-description';
import { readPayosNotification } from './payos-notification';
import { isPayosNotFound, payosRailErrorOf } from './payos-rail-error';

/**
 * VietQR bank transfers through payOS: the payer scans a QR (or opens payOS's page) and pushes
 * the money from their bank app; payOS notifies the channel's registered webhook once paid.
 */
export class PayosRail implements PaymentRail {
  readonly name = 'payos' as const;

  readonly capabilities: RailCapabilities = {
    currencies: ['VND'],
    oneTimePayment: true,
    // A push payment: the payer acts in their bank app every time; nothing can be charged unattended.
    automaticRenewal: 'no',
    // payOS has no refund API: money goes back by a transfer the merchant makes from its bank.
    refund: { full: false, partial: false },
    statusQuery: true,
    // The API reads one payment link at a time; lists of transactions come from my.payos.vn's export.
    settlementReport: 'portal-export',
  };

  // payOS has no separate test system: a channel is tested with real small transfers, so both
  // environments reach the same API.
  readonly endpoints: RailEndpoints = {
    sandbox: 'https://api-merchant.payos.vn',
    production: 'https://api-merchant.payos.vn',
  };

  private readonly timeoutMs: number;

  constructor(http: RailHttp) {
    // The SDK makes its own requests; it keeps the service's deadline.
    this.timeoutMs = http.timeoutMs;
  }

  checkCredentials(input: Readonly<Record<string, string>>): CheckedCredentials {
    return checkPayosCredentials(input);
  }

  async start(account: RailAccount, attempt: AttemptToStart): Promise<StartedAttempt> {
    if (attempt.currency !== 'VND') {
      throw new ValidationFailedError([{ field: 'currency', message: 'payOS takes VND only' }]);
    }
    if (attempt.amount <= 0n || attempt.amount > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ValidationFailedError([{ field: 'amount', message: 'must be a positive whole number of dong' }]);
    }
    const request: CreatePaymentLinkRequest = {
      orderCode: attempt.orderCode,
      amount: Number(attempt.amount),
      description: payosDescriptionOf(attempt.description, attempt.orderCode),
      returnUrl: attempt.returnUrl,
      cancelUrl: attempt.returnUrl,
      expiredAt: Math.floor(attempt.expiresAt.getTime() / 1000),
      ...(attempt.buyer.name ? { buyerName: attempt.buyer.name } : {}),
      ...(attempt.buyer.email ? { buyerEmail: attempt.buyer.email } : {}),
      ...(attempt.buyer.phone ? { buyerPhone: attempt.buyer.phone } : {}),
    };
    try {
      const link = await this.client(account).paymentRequests.create(request);
      return { redirectUrl: link.checkoutUrl, qrCode: link.qrCode, providerReference: link.paymentLinkId };
    } catch (error) {
      throw payosRailErrorOf(error);
    }
  }

  readNotification(account: RailAccount, notification: IncomingNotification): NotificationReading {
    try {
      return readPayosNotification(payosCredentialsOf(account.credentials), notification.method, notification.body);
    } catch (error) {
      // Verification must never throw on hostile input; an input that makes it throw is malformed.
      return { verified: false, reason: 'malformed', detail: error instanceof Error ? error.message : 'unreadable' };
    }
  }

  answer(verdict: NotificationVerdict): ProviderAnswer {
    // payOS retries a webhook until it gets a 2xx: every verdict that must not come again is 200.
    switch (verdict) {
      case 'accepted':
      case 'duplicate':
      case 'already-settled':
      case 'unknown-order':
      case 'amount-mismatch':
        return json(200, { success: true });
      case 'bad-signature':
      case 'malformed':
        return json(400, { success: false });
      case 'failed':
        return json(500, { success: false });
    }
  }

  async query(account: RailAccount, attempt: AttemptToQuery): Promise<AttemptReport> {
    let link: PaymentLink;
    try {
      link = await this.client(account).paymentRequests.get(attempt.orderCode);
    } catch (error) {
      if (isPayosNotFound(error)) return reportOf(attempt, 'not-found');
      throw payosRailErrorOf(error);
    }
    return reportOfLink(attempt, link);
  }

  private client(account: RailAccount): PayOS {
    const { clientId, apiKey, checksumKey } = payosCredentialsOf(account.credentials);
    return new PayOS({
      clientId,
      apiKey,
      checksumKey,
      baseURL: account.baseUrl,
      timeout: this.timeoutMs,
      // The service retries on its own schedule (the status job); the SDK must not sleep and retry.
      maxRetries: 0,
      fetchOptions: { redirect: 'error' },
      logLevel: 'off',
    });
  }
}

function reportOfLink(attempt: AttemptToQuery, link: PaymentLink): AttemptReport {
  const transaction = Array.isArray(link.transactions) ? link.transactions.at(-1) : undefined;
  switch (link.status) {
    case 'PAID':
      return {
        ...reportOf(attempt, 'succeeded'),
        amount: BigInt(link.amountPaid),
        currency: 'VND',
        providerTransactionId: transaction?.reference ?? null,
        occurredAt: parsePayosDate(transaction?.transactionDateTime),
      };
    // UNDERPAID: part of the amount arrived; the payer may still transfer the rest.
    case 'PENDING':
    case 'PROCESSING':
    case 'UNDERPAID':
      return reportOf(attempt, 'pending');
    case 'CANCELLED':
    case 'EXPIRED':
    case 'FAILED':
      return {
        ...reportOf(attempt, 'failed'),
        failure: link.cancellationReason ? `${link.status}: ${link.cancellationReason}` : link.status,
        occurredAt: parsePayosDate(link.canceledAt),
      };
    default:
      throw new RailUnavailableError(
        'payos',
        `a payment link in a status it does not document: ${String(link.status)}`,
      );
  }
}

function reportOf(attempt: AttemptToQuery, outcome: AttemptReport['outcome']): AttemptReport {
  return {
    orderReference: String(attempt.orderCode),
    outcome,
    amount: null,
    currency: null,
    providerTransactionId: null,
    failure: null,
    occurredAt: null,
  };
}

function json(status: number, body: unknown): ProviderAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}
