import { randomUUID } from 'node:crypto';
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
  RailEndpoints,
  RefundReport,
  RefundToRequest,
  SavedToken,
  SavedTokenCharge,
  SavedTokenClaim,
  StartedAttempt,
} from '../payment-rail';
import { RailHttp, RailUnavailableError } from '../rail-http';
import { MOMO_CAPABILITIES } from './capabilities';
import { CREATE_PAYMENT_PATH, MomoPaymentMethod, buildCreatePaymentBody } from './create-payment';
import { MOMO, MomoAnswer, momoRefusal, readMomoAnswer } from './momo-answer';
import { checkMomoCredentials, momoPartnerOf } from './momo-credentials';
import { answerMomo, readMomoNotification } from './momo-notification';
import { MomoSavedTokens } from './momo-saved-tokens';
import { MOMO_ORDER_NOT_FOUND, momoResultOf } from './momo-result-codes';
import {
  QUERY_PATH,
  REFUND_PATH,
  buildQueryBody,
  buildRefundBody,
  readQueryResponse,
  readRefundResponse,
} from './query-and-refund';
import { buildTokenBindingBody } from './tokenization';

const METHODS: readonly MomoPaymentMethod[] = ['captureWallet', 'payWithMethod'];

/** orderInfo is String(255) on the wallet page and may not be empty. */
const ORDER_INFO_MAX_LENGTH = 255;

/** MoMo AIO v2 (captureWallet / payWithMethod, query, refund) behind the rail port. */
export class MomoRail implements PaymentRail {
  readonly name = MOMO;
  readonly capabilities = MOMO_CAPABILITIES;
  // developers.momo.vn: "Test environment: https://test-payment.momo.vn", "Production: https://payment.momo.vn".
  readonly endpoints: RailEndpoints = {
    sandbox: 'https://test-payment.momo.vn',
    production: 'https://payment.momo.vn',
  };

  private readonly savedTokens = new MomoSavedTokens((account, path, body) => this.post(account, path, body));

  constructor(private readonly http: RailHttp) {}

  checkCredentials(input: Readonly<Record<string, string>>): CheckedCredentials {
    return checkMomoCredentials(input);
  }

  async start(account: RailAccount, attempt: AttemptToStart): Promise<StartedAttempt> {
    const partner = momoPartnerOf(account);
    const requestId = randomUUID();
    const order = {
      paymentId: attempt.orderReference,
      requestId,
      money: { amountMinor: attempt.amount, currency: attempt.currency },
      orderInfo: attempt.description.slice(0, ORDER_INFO_MAX_LENGTH) || attempt.orderReference,
      redirectUrl: attempt.returnUrl,
      ipnUrl: attempt.notificationUrl,
      lang: attempt.locale,
    };
    // Binding and paying at once: linkWallet with the amount (the binding page's "bind AND request payment").
    const body = !attempt.saveTokenFor
      ? buildCreatePaymentBody(partner, { ...order, method: momoMethod(attempt.method) })
      : buildTokenBindingBody(partner, { ...order, readerId: attempt.saveTokenFor });
    const answer = await this.post(account, CREATE_PAYMENT_PATH, body);
    if (answer.resultCode !== 0) throw momoRefusal(answer);
    const { payUrl, qrCodeUrl } = answer.body;
    if (typeof payUrl !== 'string' || !URL.canParse(payUrl))
      throw new RailUnavailableError(MOMO, 'a created payment without payUrl');
    return {
      redirectUrl: payUrl,
      qrCode: typeof qrCodeUrl === 'string' && qrCodeUrl !== '' ? qrCodeUrl : null,
      providerReference: requestId,
    };
  }

  readNotification(account: RailAccount, notification: IncomingNotification): NotificationReading {
    return readMomoNotification(momoPartnerOf(account), notification);
  }

  answer(verdict: NotificationVerdict): ProviderAnswer {
    return answerMomo(verdict);
  }

  async query(account: RailAccount, attempt: AttemptToQuery): Promise<AttemptReport> {
    const partner = momoPartnerOf(account);
    const answer = await this.post(
      account,
      QUERY_PATH,
      buildQueryBody(partner, attempt.orderReference, randomUUID(), 'en'),
    );
    if (answer.resultCode === MOMO_ORDER_NOT_FOUND) return notFound(attempt.orderReference);
    const result = momoResultOf(answer.resultCode);
    if (result === 'request-refused') throw momoRefusal(answer);
    const outcome = readable(() => readQueryResponse(partner, answer.body));
    const paid = result === 'succeeded';
    return {
      orderReference: outcome.paymentId,
      outcome: result,
      amount: paid ? outcome.amountVnd : null,
      currency: paid ? 'VND' : null,
      providerTransactionId: outcome.transId === '0' ? null : outcome.transId,
      failure: result === 'failed' ? `${outcome.resultCode} ${outcome.message}` : null,
      occurredAt: outcome.respondedAt,
    };
  }

  async refund(account: RailAccount, refund: RefundToRequest): Promise<RefundReport> {
    const partner = momoPartnerOf(account);
    const transId = refund.attempt.providerTransactionId;
    if (transId === null)
      throw new ValidationFailedError([
        { field: 'attempt.providerTransactionId', message: 'MoMo refunds by its transId; this attempt has none' },
      ]);
    const { body } = buildRefundBody(partner, {
      refundId: refund.refundReference,
      requestId: randomUUID(),
      transId,
      money: { amountMinor: refund.amount, currency: refund.currency },
      description: refund.reason,
      lang: 'en',
    });
    const answer = await this.post(account, REFUND_PATH, body);
    const result = momoResultOf(answer.resultCode);
    if (result === 'request-refused') throw momoRefusal(answer);
    if (result === 'failed')
      return { outcome: 'failed', providerRefundId: null, failure: `${answer.resultCode} ${answer.message}` };
    const outcome = readable(() => readRefundResponse(partner, answer.body));
    return {
      outcome: result,
      providerRefundId: outcome.transId === '0' ? null : outcome.transId,
      failure: null,
    };
  }

  claimSavedToken(account: RailAccount, claim: SavedTokenClaim): Promise<SavedToken> {
    return this.savedTokens.claim(account, claim);
  }

  chargeSavedToken(account: RailAccount, charge: SavedTokenCharge): Promise<AttemptReport> {
    return this.savedTokens.charge(account, charge);
  }

  removeSavedToken(account: RailAccount, token: { payerReference: string; providerToken: string }): Promise<void> {
    return this.savedTokens.remove(account, token);
  }

  private async post(account: RailAccount, path: string, body: unknown): Promise<MomoAnswer> {
    return readMomoAnswer(await this.http.postJson(MOMO, new URL(path, account.baseUrl).toString(), body));
  }
}

function momoMethod(method: string | null): MomoPaymentMethod {
  if (method === null) return 'captureWallet';
  const known = METHODS.find((candidate) => candidate === method);
  if (!known) throw new ValidationFailedError([{ field: 'method', message: `MoMo takes ${METHODS.join(' or ')}` }]);
  return known;
}

function notFound(orderReference: string): AttemptReport {
  return {
    orderReference,
    outcome: 'not-found',
    amount: null,
    currency: null,
    providerTransactionId: null,
    failure: null,
    occurredAt: null,
  };
}

/** MoMo's answer lacks what its reference promises: treated as no useful answer, to be tried again. */
function readable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ValidationFailedError)
      throw new RailUnavailableError(MOMO, `unreadable answer: ${error.message}`);
    throw error;
  }
}
