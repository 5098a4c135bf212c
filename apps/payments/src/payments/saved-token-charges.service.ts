import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError, ValidationFailedError } from '@libs/common';
import { ChargeSavedTokenRequest, PaymentStatus, PaymentView } from '@libs/contracts';
import { RailAccountsService } from '../accounts/rail-accounts.service';
import { PaymentsEnv } from '../config/payments.config';
import { RailRefusedError, RailUnavailableError } from '../rails/rail-http';
import { savesWallets } from '../rails/saves-wallets';
import { SavedTokensService } from '../saved-tokens/saved-tokens.service';
import { AttemptSettlementsService } from './attempt-settlements.service';
import { PaymentRepository } from './payment.repository';
import { PaymentsService } from './payments.service';

const PAID: ReadonlySet<PaymentStatus> = new Set(['succeeded', 'refunded', 'partially-refunded']);

/** No payer is present: the rail is told the service's own address, which some rails require. */
const NO_PAYER_IP = '127.0.0.1';

/**
 * Charges a payment to a payer's saved wallet: an attempt like the payer's own, settled on the same
 * path (the rail's answer now, its notification or the status job later: one success, amount
 * checked). One charge at a time per payment; a paid payment is answered as it is.
 */
@Injectable()
export class SavedTokenChargesService {
  private readonly queryAfterS: number;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly views: PaymentsService,
    private readonly accounts: RailAccountsService,
    private readonly savedTokens: SavedTokensService,
    private readonly settlements: AttemptSettlementsService,
    env: PaymentsEnv,
  ) {
    this.queryAfterS = env.PAYMENT_STATUS_QUERY_AFTER_S;
  }

  async charge(tenantId: string, request: ChargeSavedTokenRequest): Promise<PaymentView> {
    const payment = await this.payments.findOfTenant(tenantId, request.id);
    if (!payment) throw new NotFoundError('payment', request.id);
    const token = await this.savedTokens.findOfTenant(tenantId, request.savedTokenId);
    if (!token) throw new NotFoundError('saved token', request.savedTokenId);
    const attempts = await this.payments.attemptsOf(tenantId, payment.id);
    const inFlight = attempts.some((attempt) => attempt.savedTokenId !== null && attempt.status === 'started');
    if (PAID.has(payment.status) || inFlight) return this.views.viewOf(payment, attempts);
    if (payment.status !== 'open' || payment.expiresAt <= new Date())
      throw new ConflictError(
        payment.status === 'open' ? 'the payment has expired' : `the payment is ${payment.status}`,
      );
    if (token.status !== 'active') throw new ConflictError(`saved token ${token.id} is ${token.status}`);
    if (!payment.rails.includes(token.rail))
      throw new ValidationFailedError([
        { field: 'savedTokenId', message: `this payment is not taken on ${token.rail}, where the wallet is saved` },
      ]);
    const { rail, account, record } = await this.accounts.usableOf(tenantId, token.rail);
    if (!savesWallets(rail) || !rail.chargeSavedToken)
      throw new ValidationFailedError([{ field: 'savedTokenId', message: `${rail.name} charges no saved wallet` }]);
    if (!record.savesWallets)
      throw new ConflictError(`the agency's ${rail.name} account no longer saves wallets: pay by link`);
    if (account.id !== token.accountId)
      throw new ConflictError(`saved token ${token.id} belongs to another ${rail.name} account`);
    const attempt = await this.payments.insertChargeAttemptOnce({
      tenantId,
      paymentId: payment.id,
      accountId: account.id,
      rail: token.rail,
      orderReference: randomUUID().replace(/-/g, ''),
      amount: payment.amount,
      currency: payment.currency,
      clientIp: NO_PAYER_IP,
      nextQueryAt: new Date(Date.now() + this.queryAfterS * 1000),
      savedTokenId: token.id,
    });
    // Another charge of this payment got in first: it is answered as it stands.
    if (!attempt) return this.views.get(tenantId, payment.id);
    try {
      const report = await rail.chargeSavedToken(account, {
        orderReference: attempt.orderReference,
        orderCode: Number(attempt.orderCode),
        payerReference: token.payerReference,
        providerToken: this.savedTokens.providerTokenOf(token),
        amount: BigInt(payment.amount),
        currency: payment.currency,
        description: payment.description,
        notificationUrl: this.accounts.notificationUrlOf(record),
        returnUrl: payment.returnUrl,
        clientIp: NO_PAYER_IP,
      });
      await this.savedTokens.markUsed(token.id);
      await this.settlements.settle(account.id, report);
    } catch (error) {
      if (error instanceof RailRefusedError || error instanceof ValidationFailedError) {
        await this.payments.failAttempt(attempt.id, error.message);
        throw error instanceof RailRefusedError ? new ConflictError(error.message) : error;
      }
      // The rail may have charged before its answer was lost: the status job asks it later.
      if (error instanceof RailUnavailableError) throw new UnavailableError(error.message, 30);
      throw error;
    }
    return this.views.get(tenantId, payment.id);
  }
}
