import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  EventEnvelope,
  PaymentLeftUnappliedEvent,
  PaymentPurpose,
  PaymentRefundedEvent,
  PaymentSucceededEvent,
  RevenueStream,
} from '@libs/contracts';
import { ACCOUNTS_RECEIVABLE, CLEARING_ACCOUNT, UNAPPLIED_RECEIPTS } from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { credit, debit } from '../ledger/entry-lines';
import { LedgerSourceKey } from '../ledger/ledger-source-keys';
import { EntryDimensions, NO_DIMENSIONS } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { RailLedgerKeyRepository } from '../reconciliation/rails/rail-ledger-key.repository';
import { railRefundBooking } from '../reconciliation/rails/rail-refund-booking';
import { RAIL_NAMES } from '../accounts/rail-names';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';

/**
 * Money taken and given back on the Vietnamese rails, each rail to its own clearing account. A
 * payment for a stream settles that stream's receivable and nothing more: the stream books the
 * receivable and its revenue from its own events, payments only move cash. A refund of a payment
 * for a subscription invoice or a gift gives back what that document billed (its stream's events
 * never tell of the refund), as the provider's refund of it does. Each entry's rail transaction id is recorded beside it, so reconciliation finds the entry a rail's report line is about.
 */
@Injectable()
export class PaymentPostingsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
    private readonly railKeys: RailLedgerKeyRepository,
    private readonly refunds: RefundsAndDisputesService,
  ) {}

  /** Dr the rail's clearing / Cr receivable, or unapplied receipts for a payment no stream asked for. */
  async receive(tx: EntityManager, event: EventEnvelope<PaymentSucceededEvent>): Promise<void> {
    const { paymentId, rail, purpose, currency } = event.data;
    const amount = parseMinorUnits(event.data.amount);
    if (amount === 0n) return;
    const sourceKey = LedgerSourceKey.paymentSucceeded(paymentId);
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey,
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.succeededAt),
      description: `Payment ${paymentId} on ${RAIL_NAMES[rail]} for ${purpose.stream} ${purpose.reference}`,
      lines: [debit(CLEARING_ACCOUNT[rail], currency, amount), credit(settledAccountOf(purpose), currency, amount)],
      dimensions: dimensionsOf(purpose),
    });
    await this.railKeys.record(tx, {
      tenantId: event.tenantId,
      rail,
      movement: 'payment',
      railTransactionId: event.data.providerTransactionId,
      sourceKey,
      entryId: posted.entryId,
      paymentId,
      currency,
      amount,
      occurredAt: new Date(event.data.succeededAt),
    });
  }

  /**
   * Dr receivable / Cr unapplied receipts: subscriptions will never apply this payment to an invoice
   * or a gift (its receivable would otherwise keep the payment's credit), so its money is held as the
   * payer's until refunded. Once per payment; a refund that waited for it is booked now, from the
   * unapplied receipts (see RefundsAndDisputesService.refundRailPayment).
   */
  async holdUnapplied(tx: EntityManager, event: EventEnvelope<PaymentLeftUnappliedEvent>): Promise<void> {
    const { paymentId, rail, stream, reference, currency } = event.data;
    const amount = parseMinorUnits(event.data.amount);
    if (amount > 0n)
      await this.ledger.post(tx, {
        tenantId: event.tenantId,
        sourceKey: LedgerSourceKey.paymentUnapplied(paymentId),
        postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.succeededAt),
        description: `Payment ${paymentId} on ${RAIL_NAMES[rail]} for ${stream} ${reference} left unapplied: ${event.data.reason}`,
        lines: [debit(ACCOUNTS_RECEIVABLE, currency, amount), credit(UNAPPLIED_RECEIPTS, currency, amount)],
        dimensions: dimensionsOf({ stream }),
      });
    for (const waiting of await this.refunds.releaseWaitingForPayment(tx, event.tenantId, paymentId))
      await this.refunds.replay(tx, waiting);
  }

  /**
   * A refund of an invoice or gift's payment is booked as the provider's refund of the same
   * document is (VAT, deferred revenue, refunds: see RefundsAndDisputesService). Any other is the
   * payment's entry the other way round, for this refund's amount: Dr what it credited / Cr the
   * rail's clearing (their streams book no revenue from the payment, and a direct payment has none).
   */
  async refund(tx: EntityManager, event: EventEnvelope<PaymentRefundedEvent>): Promise<void> {
    const { paymentId, refundId, rail, purpose, currency } = event.data;
    const amount = parseMinorUnits(event.data.amount);
    if (amount === 0n) return;
    if (purpose.stream === 'subscriptions' || purpose.stream === 'gifts')
      return this.refunds.refundRailPayment(tx, event);
    const sourceKey = LedgerSourceKey.paymentRefunded(refundId);
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey,
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.refundedAt),
      description: `Refund ${refundId} of payment ${paymentId} on ${RAIL_NAMES[rail]}: ${event.data.reason}`,
      lines: [debit(settledAccountOf(purpose), currency, amount), credit(CLEARING_ACCOUNT[rail], currency, amount)],
      dimensions: dimensionsOf(purpose),
    });
    await this.railKeys.record(tx, railRefundBooking(event, sourceKey, posted.entryId));
  }
}

/** What a payment credits: the purpose is on every payment event, so a refund finds the same account without its payment. */
function settledAccountOf(purpose: PaymentPurpose): string {
  return purpose.stream === 'direct' ? UNAPPLIED_RECEIPTS : ACCOUNTS_RECEIVABLE;
}

/** Gifts are sold as subscriptions (their revenue is subscription revenue); a direct payment is of no stream. */
function dimensionsOf(purpose: Pick<PaymentPurpose, 'stream'>): EntryDimensions {
  const stream: RevenueStream | null =
    purpose.stream === 'direct' ? null : purpose.stream === 'gifts' ? 'subscriptions' : purpose.stream;
  return { ...NO_DIMENSIONS, stream };
}
