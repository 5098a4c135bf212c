import { randomUUID } from 'node:crypto';
import { ValidationFailedError } from '@libs/common';
import { AttemptReport, RailAccount, SavedToken, SavedTokenCharge, SavedTokenClaim } from '../payment-rail';
import { RailUnavailableError } from '../rail-http';
import { openMomoAesToken } from './momo-aes-token';
import { MOMO, MomoAnswer, momoRefusal } from './momo-answer';
import { momoPartnerOf } from './momo-credentials';
import { momoResultOf } from './momo-result-codes';
import {
  TOKEN_CALLBACK_PATH,
  TOKEN_DELETE_PATH,
  TOKEN_PAY_PATH,
  buildTokenCallbackBody,
  buildTokenDeleteBody,
  buildTokenPayBody,
} from './tokenization';

/** How MomoRail reaches MoMo's API: the signed body POSTed, MoMo's envelope read. */
export type MomoPost = (account: RailAccount, path: string, body: unknown) => Promise<MomoAnswer>;

/** orderInfo is String(200) on the binding page and may not be empty. */
const ORDER_INFO_MAX_LENGTH = 200;

/**
 * The payer's label: the binding pages we read give no masked phone or wallet id in the cbToken
 * answer, so the wallet is named by its rail alone.
 */
const WALLET_LABEL = 'Ví MoMo';

/** MoMo's wallet tokenization behind the rail port's saved-token methods (see tokenization.ts). */
export class MomoSavedTokens {
  constructor(private readonly post: MomoPost) {}

  async claim(account: RailAccount, claim: SavedTokenClaim): Promise<SavedToken> {
    const partner = momoPartnerOf(account);
    const body = buildTokenCallbackBody(partner, {
      paymentId: claim.orderReference,
      requestId: randomUUID(),
      readerId: claim.payerReference,
      callbackToken: claim.claimSecret,
      lang: 'en',
    });
    const answer = await this.post(account, TOKEN_CALLBACK_PATH, body);
    if (answer.resultCode !== 0) throw momoRefusal(answer);
    const { aesToken, partnerClientId } = answer.body;
    if (typeof aesToken !== 'string') throw new RailUnavailableError(MOMO, 'a cbToken answer without aesToken');
    // The answer names the payer it bound; a token for anyone else must never be kept for this one.
    if (partnerClientId !== undefined && partnerClientId !== claim.payerReference)
      throw new RailUnavailableError(MOMO, 'a cbToken answer for another partnerClientId');
    return { providerToken: readable(() => openMomoAesToken(aesToken, partner.secretKey)), label: WALLET_LABEL };
  }

  /**
   * MoMo answers the charge at once and may also notify it (an ordinary IPN). The answer's own
   * signature list is not on the pages we read: like the create answer, it is read as it came over
   * TLS in answer to our signed request, and its amount is checked against the attempt when settled.
   */
  async charge(account: RailAccount, charge: SavedTokenCharge): Promise<AttemptReport> {
    const partner = momoPartnerOf(account);
    const body = buildTokenPayBody(partner, {
      paymentId: charge.orderReference,
      requestId: randomUUID(),
      readerId: charge.payerReference,
      token: charge.providerToken,
      money: { amountMinor: charge.amount, currency: charge.currency },
      orderInfo: charge.description.slice(0, ORDER_INFO_MAX_LENGTH) || charge.orderReference,
      ipnUrl: charge.notificationUrl,
      redirectUrl: charge.returnUrl,
      lang: 'vi',
    });
    const answer = await this.post(account, TOKEN_PAY_PATH, body);
    const result = momoResultOf(answer.resultCode);
    if (result === 'request-refused') throw momoRefusal(answer);
    const { amount, transId, responseTime } = answer.body;
    const paid = result === 'succeeded';
    if (paid && !Number.isSafeInteger(amount))
      throw new RailUnavailableError(MOMO, 'a paid token charge without its amount');
    return {
      orderReference: charge.orderReference,
      outcome: result,
      amount: paid ? BigInt(amount as number) : null,
      currency: paid ? 'VND' : null,
      providerTransactionId: Number.isSafeInteger(transId) && transId !== 0 ? String(transId) : null,
      failure: result === 'failed' ? `${answer.resultCode} ${answer.message}` : null,
      occurredAt: Number.isSafeInteger(responseTime) ? new Date(responseTime as number) : new Date(),
    };
  }

  async remove(account: RailAccount, token: { payerReference: string; providerToken: string }): Promise<void> {
    const body = buildTokenDeleteBody(momoPartnerOf(account), {
      orderId: randomUUID().replace(/-/g, ''),
      requestId: randomUUID(),
      readerId: token.payerReference,
      token: token.providerToken,
      lang: 'en',
    });
    const answer = await this.post(account, TOKEN_DELETE_PATH, body);
    if (answer.resultCode !== 0) throw momoRefusal(answer);
  }
}

/** What MoMo sent cannot be read as promised: no useful answer, to be tried again. */
function readable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ValidationFailedError)
      throw new RailUnavailableError(MOMO, `unreadable answer: ${error.message}`);
    throw error;
  }
}
