import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError, ValidationFailedError } from '@libs/common';
import {
  CreatePaymentRequest,
  LIST_PAGE_DEFAULT,
  ListPaymentsRequest,
  PaymentAttemptView,
  PaymentListResponse,
  PaymentView,
  PayerPaymentView,
  StartPaymentAttemptRequest,
} from '@libs/contracts';
import { RailAccountsService } from '../accounts/rail-accounts.service';
import { PaymentsEnv } from '../config/payments.config';
import { savesWallets } from '../rails/saves-wallets';
import { RailRefusedError, RailUnavailableError } from '../rails/rail-http';
import { payerReferenceOf } from '../saved-tokens/payer-reference';
import { attemptExpiresAt } from './attempt-expiry';
import { PayLinkTokens } from './pay-link-token';
import { PaymentAttempt } from './payment-attempt.entity';
import { PaymentRepository } from './payment.repository';
import { Payment } from './payment.entity';
import { attemptViewOf, payerViewOf, paymentViewOf } from './payment-view';

const DEFAULT_EXPIRY_MINUTES = 60;
const REUSE_MARGIN_MS = 5 * 60_000;

/** Payments asked for by the streams, and the payer's attempts on the rails. */
@Injectable()
export class PaymentsService {
  private readonly tokens: PayLinkTokens;
  private readonly publicBaseUrl: string;
  private readonly queryAfterS: number;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly accounts: RailAccountsService,
    env: PaymentsEnv,
  ) {
    this.tokens = new PayLinkTokens(env.CREDENTIALS_KEY);
    this.publicBaseUrl = env.PUBLIC_BASE_URL;
    this.queryAfterS = env.PAYMENT_STATUS_QUERY_AFTER_S;
  }

  /**
   * A payment for the purpose, on the rails asked for that the agency has enabled. Asked again for
   * the same purpose, the same payment (a stream retrying); asked again with another amount, a conflict.
   */
  async create(tenantId: string, request: CreatePaymentRequest): Promise<PaymentView> {
    const lines = request.lines ?? [];
    if (lines.length > 0) {
      const total = lines.reduce((sum, line) => sum + BigInt(line.amount) + BigInt(line.vatAmount), 0n);
      if (total !== BigInt(request.amount))
        throw new ValidationFailedError([
          {
            field: 'lines',
            message: `the lines add up to ${total} ${request.currency}, not the amount ${request.amount}`,
          },
        ]);
    }
    const enabled = await this.accounts.enabledRails(tenantId);
    const rails = request.rails ? request.rails.filter((rail) => enabled.includes(rail)) : enabled;
    if (rails.length === 0)
      throw new ValidationFailedError([
        {
          field: 'rails',
          message: request.rails
            ? `the agency takes no payments on ${request.rails.join(', ')}`
            : 'the agency has enabled no payment rail',
        },
      ]);
    const expiresAt = new Date(Date.now() + (request.expiresInMinutes ?? DEFAULT_EXPIRY_MINUTES) * 60_000);
    const { payment } = await this.payments.insertOnce({
      tenantId,
      amount: request.amount,
      currency: request.currency,
      purposeStream: request.purpose.stream,
      purposeReference: request.purpose.reference,
      description: request.purpose.description,
      buyer: request.buyer ?? null,
      lines,
      rails,
      returnUrl: request.returnUrl,
      expiresAt,
      saveTokenFor: request.saveTokenFor ?? null,
    });
    if (payment.amount !== request.amount || payment.currency !== request.currency)
      throw new ConflictError(
        `${request.purpose.stream} ${request.purpose.reference} already has a payment of ${payment.amount} ${payment.currency}`,
      );
    return this.viewOf(payment);
  }

  async list(tenantId: string, request: ListPaymentsRequest): Promise<PaymentListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const page = await this.payments.findPageOfTenant(tenantId, request, limit, request.before);
    const attempts = await this.payments.attemptsOfMany(
      tenantId,
      page.map((payment) => payment.id),
    );
    const items = await Promise.all(
      page.map((payment) =>
        this.viewOf(
          payment,
          attempts.filter((attempt) => attempt.paymentId === payment.id),
        ),
      ),
    );
    return { items, nextBefore: page.length === limit ? page[page.length - 1].id : null };
  }

  async get(tenantId: string, id: string): Promise<PaymentView> {
    const payment = await this.payments.findOfTenant(tenantId, id);
    if (!payment) throw new NotFoundError('payment', id);
    return this.viewOf(payment);
  }

  /** The payment as its payer sees it; not found unless the token is the link's, as for an attempt. */
  async getForPayer(tenantId: string, id: string, payToken: string): Promise<PayerPaymentView> {
    const payment = await this.payments.findOfTenant(tenantId, id);
    if (!payment || !this.tokens.matches(payment.id, payToken)) throw new NotFoundError('payment', id);
    return payerViewOf(payment, await this.payments.attemptsOf(tenantId, payment.id));
  }

  /**
   * The payer chose a rail: the attempt is recorded before the rail is asked (its notification may
   * arrive before the rail's answer does), then the rail gives the redirect or QR. A payer coming
   * back to the same rail while their attempt is open gets that attempt again.
   */
  async startAttempt(tenantId: string, request: StartPaymentAttemptRequest): Promise<PaymentAttemptView> {
    const payment = await this.payments.findOfTenant(tenantId, request.id);
    if (!payment || !this.tokens.matches(payment.id, request.payToken)) throw new NotFoundError('payment', request.id);
    if (payment.status !== 'open' || payment.expiresAt <= new Date())
      throw new ConflictError(
        payment.status === 'open' ? 'the payment has expired' : `the payment is ${payment.status}`,
      );
    if (!payment.rails.includes(request.rail))
      throw new ValidationFailedError([{ field: 'rail', message: `this payment is not taken on ${request.rail}` }]);
    // Given again only while the rail still takes it, with a few minutes left to pay.
    const stillPayableAfter = Date.now() + REUSE_MARGIN_MS;
    const open = (await this.payments.attemptsOf(tenantId, payment.id)).find(
      (attempt) =>
        attempt.rail === request.rail &&
        attempt.status === 'started' &&
        (attempt.redirectUrl ?? attempt.qrCode) &&
        attemptExpiresAt(attempt.createdAt, payment.expiresAt).getTime() > stillPayableAfter,
    );
    if (open) return attemptViewOf(open);
    const { rail, account, record } = await this.accounts.usableOf(tenantId, request.rail);
    const attempt = await this.payments.insertAttempt({
      tenantId,
      paymentId: payment.id,
      accountId: account.id,
      rail: request.rail,
      orderReference: randomUUID().replace(/-/g, ''),
      amount: payment.amount,
      currency: payment.currency,
      clientIp: request.clientIp,
      nextQueryAt: new Date(Date.now() + this.queryAfterS * 1000),
    });
    try {
      const started = await rail.start(account, {
        orderReference: attempt.orderReference,
        orderCode: Number(attempt.orderCode),
        amount: BigInt(payment.amount),
        currency: payment.currency,
        description: payment.description,
        buyer: {
          name: payment.buyer?.name ?? null,
          email: payment.buyer?.email ?? null,
          phone: payment.buyer?.phone ?? null,
        },
        returnUrl: payment.returnUrl,
        notificationUrl: this.accounts.notificationUrlOf(record),
        clientIp: request.clientIp,
        locale: request.locale,
        createdAt: attempt.createdAt,
        expiresAt: attemptExpiresAt(attempt.createdAt, payment.expiresAt),
        method: request.method ?? null,
        saveTokenFor:
          payment.saveTokenFor !== null && savesWallets(rail) && record.savesWallets
            ? payerReferenceOf(tenantId, payment.saveTokenFor)
            : null,
      });
      await this.payments.recordStart(attempt.id, started);
      return attemptViewOf({ ...attempt, ...started });
    } catch (error) {
      if (error instanceof RailRefusedError) {
        await this.payments.failAttempt(attempt.id, error.message);
        throw new ConflictError(error.message);
      }
      if (error instanceof ValidationFailedError) {
        await this.payments.failAttempt(attempt.id, error.message);
        throw error;
      }
      // The rail may have taken the order before it failed to answer: the status job asks it later.
      if (error instanceof RailUnavailableError) throw new UnavailableError(error.message, 30);
      throw error;
    }
  }

  payPageUrlOf(payment: Pick<Payment, 'id' | 'tenantId'>): string {
    return `${this.publicBaseUrl}/pay/${payment.tenantId}/${payment.id}?token=${this.tokens.tokenOf(payment.id)}`;
  }

  async viewOf(payment: Payment, attempts?: PaymentAttempt[]): Promise<PaymentView> {
    return paymentViewOf(
      payment,
      attempts ?? (await this.payments.attemptsOf(payment.tenantId, payment.id)),
      this.payPageUrlOf(payment),
    );
  }
}
