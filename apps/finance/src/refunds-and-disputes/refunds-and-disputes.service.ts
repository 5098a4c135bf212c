import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  ChargeRefunded,
  ChargeRefundedEvent,
  DisputeClosedEvent,
  DisputeOpenedEvent,
  EventEnvelope,
  PaymentRefunded,
  PaymentRefundedEvent,
} from '@libs/contracts';
import {
  CLEARING_ACCOUNT,
  DEFERRED_REVENUE,
  PAYMENT_FEES,
  REFUNDS_AND_CHARGEBACKS,
  STRIPE_BALANCE,
  UNAPPLIED_RECEIPTS,
  VAT_PAYABLE,
} from '../accounts/account-codes';
import { RAIL_NAMES } from '../accounts/rail-names';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { credit, debit, withoutZeros } from '../ledger/entry-lines';
import { LedgerSourceKey, SourceKey } from '../ledger/ledger-source-keys';
import { EntryDimensions, LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService, PostedEntry } from '../ledger/ledger.service';
import { RecognitionSchedule } from '../recognition/recognition-schedule.entity';
import { amountsOf, dimensionsOf, RecognitionSchedulesService } from '../recognition/recognition-schedules.service';
import { refundParts } from '../recognition/schedule-arithmetic';
import { RailLedgerKeyRepository } from '../reconciliation/rails/rail-ledger-key.repository';
import { railRefundBooking } from '../reconciliation/rails/rail-refund-booking';
import { WaitingEventsService } from '../waiting-events/waiting-events.service';

const SUBSCRIPTIONS: EntryDimensions = { stream: 'subscriptions', productId: null, siteId: null, counterpartyId: null };

/** Money given back against what a schedule recognizes, from `cashAccount` (the provider's balance or a rail's clearing). */
interface ScheduleRefund {
  tenantId: string;
  sourceKey: SourceKey;
  refundedAt: string;
  description: string;
  cashAccount: string;
  currency: string;
  amount: bigint;
}

/** Money going back to readers: refunds (against what they paid for) and disputes (chargebacks). */
@Injectable()
export class RefundsAndDisputesService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly entries: LedgerRepository,
    private readonly calendar: AgencyCalendar,
    private readonly schedules: RecognitionSchedulesService,
    private readonly waitingEvents: WaitingEventsService,
    private readonly railKeys: RailLedgerKeyRepository,
  ) {}

  /**
   * A refund at the provider (Stripe), booked against the invoice or gift its charge paid (see
   * {@link refundAgainst}). A refund that arrives before the payment waits for it.
   */
  async refund(tx: EntityManager, event: EventEnvelope<ChargeRefundedEvent>): Promise<void> {
    const { providerRefundId, providerChargeId, currency } = event.data;
    const schedule = await this.schedules.findByChargeForUpdate(tx, event.tenantId, providerChargeId);
    if (!schedule) return this.waitingEvents.waitFor(tx, chargeKey(providerChargeId), event);
    await this.refundAgainst(tx, schedule, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.chargeRefunded(providerRefundId),
      refundedAt: event.data.refundedAt,
      description: `Refund ${providerRefundId} of charge ${providerChargeId} (${schedule.sourceRef})`,
      cashAccount: STRIPE_BALANCE,
      currency,
      amount: parseMinorUnits(event.data.amount),
    });
  }

  /**
   * A refund on a rail of a payment that paid a subscription invoice or a gift, booked as the
   * provider's refund of the same document is (see {@link refundAgainst}), from the rail's clearing
   * account, and paired with the rail's refund for reconciliation. The document is found by its
   * payment, known once its InvoicePaid or GiftPurchased is booked. A payment subscriptions left
   * unapplied (PaymentLeftUnapplied) paid no document: its refund gives back the unapplied
   * receipts. A refund before either waits for it.
   */
  async refundRailPayment(tx: EntityManager, event: EventEnvelope<PaymentRefundedEvent>): Promise<void> {
    const { paymentId, refundId, rail, currency } = event.data;
    const schedule = await this.schedules.findByPaymentForUpdate(tx, event.tenantId, paymentId);
    if (!schedule) {
      const unapplied = LedgerSourceKey.paymentUnapplied(paymentId);
      if (await this.entries.findEntryIdBySourceKey(tx, event.tenantId, unapplied))
        return this.refundUnappliedPayment(tx, event);
      return this.waitingEvents.waitFor(tx, paymentKey(paymentId), event);
    }
    const sourceKey = LedgerSourceKey.paymentRefunded(refundId);
    const posted = await this.refundAgainst(tx, schedule, {
      tenantId: event.tenantId,
      sourceKey,
      refundedAt: event.data.refundedAt,
      description: `Refund ${refundId} of payment ${paymentId} on ${RAIL_NAMES[rail]} (${schedule.sourceRef}): ${event.data.reason}`,
      cashAccount: CLEARING_ACCOUNT[rail],
      currency,
      amount: parseMinorUnits(event.data.amount),
    });
    await this.railKeys.record(tx, railRefundBooking(event, sourceKey, posted.entryId));
  }

  /**
   * Dr unapplied receipts / Cr the rail's clearing, for this refund's amount: the money of a payment
   * left unapplied goes back to its payer (no revenue was booked from it), paired with the rail's
   * refund for reconciliation. Once per refund.
   */
  private async refundUnappliedPayment(tx: EntityManager, event: EventEnvelope<PaymentRefundedEvent>): Promise<void> {
    const { paymentId, refundId, rail, currency } = event.data;
    const amount = parseMinorUnits(event.data.amount);
    const sourceKey = LedgerSourceKey.paymentRefunded(refundId);
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey,
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.refundedAt),
      description: `Refund ${refundId} of payment ${paymentId} on ${RAIL_NAMES[rail]}, left unapplied: ${event.data.reason}`,
      lines: [debit(UNAPPLIED_RECEIPTS, currency, amount), credit(CLEARING_ACCOUNT[rail], currency, amount)],
      dimensions: SUBSCRIPTIONS,
    });
    await this.railKeys.record(tx, railRefundBooking(event, sourceKey, posted.entryId));
  }

  /**
   * Cr the cash account (refund) / Dr VAT payable (its tax share), Dr deferred revenue (the part
   * not yet recognized: the schedule's remainder shrinks), Dr refunds and chargebacks (the part
   * already recognized). Once per source key: a refund told again changes nothing.
   */
  private async refundAgainst(
    tx: EntityManager,
    schedule: RecognitionSchedule,
    refund: ScheduleRefund,
  ): Promise<PostedEntry> {
    const { currency, amount } = refund;
    const parts = refundParts(amountsOf(schedule), amount);
    const posted = await this.ledger.post(tx, {
      tenantId: refund.tenantId,
      sourceKey: refund.sourceKey,
      postedOn: await this.calendar.dayOf(tx, refund.tenantId, refund.refundedAt),
      description: refund.description,
      lines: withoutZeros([
        debit(VAT_PAYABLE, currency, parts.tax),
        debit(DEFERRED_REVENUE, currency, parts.deferred),
        debit(REFUNDS_AND_CHARGEBACKS, currency, parts.earned),
        credit(refund.cashAccount, currency, amount),
      ]),
      dimensions: dimensionsOf(schedule),
    });
    if (posted.created) await this.schedules.withdraw(tx, schedule, parts, { refunded: amount });
    return posted;
  }

  /** The refunds that waited for this charge's payment, taken out to be posted now. */
  releaseWaitingFor(tx: EntityManager, tenantId: string, providerChargeId: string): Promise<EventEnvelope<unknown>[]> {
    return this.waitingEvents.release(tx, tenantId, chargeKey(providerChargeId));
  }

  /** The refunds that waited for any of these charges (a batch of payments), taken out in one statement and posted now. */
  async replayWaitingForAll(
    tx: EntityManager,
    charges: { tenantId: string; providerChargeId: string }[],
  ): Promise<void> {
    const keys = charges.map((c) => ({ tenantId: c.tenantId, awaited: chargeKey(c.providerChargeId) }));
    for (const waiting of await this.waitingEvents.releaseAll(tx, keys)) await this.replay(tx, waiting);
  }

  /** The rail refunds that waited for this payment's invoice or gift, taken out to be posted now. */
  releaseWaitingForPayment(tx: EntityManager, tenantId: string, paymentId: string): Promise<EventEnvelope<unknown>[]> {
    return this.waitingEvents.release(tx, tenantId, paymentKey(paymentId));
  }

  /** The rail refunds that waited for any of these payments (a batch of invoices paid on rails), posted now. */
  async replayWaitingForPayments(
    tx: EntityManager,
    payments: { tenantId: string; paymentId: string }[],
  ): Promise<void> {
    const keys = payments.map((p) => ({ tenantId: p.tenantId, awaited: paymentKey(p.paymentId) }));
    for (const waiting of await this.waitingEvents.releaseAll(tx, keys)) await this.replay(tx, waiting);
  }

  async replay(tx: EntityManager, waiting: EventEnvelope<unknown>): Promise<void> {
    if (waiting.type === ChargeRefunded.subject) await this.refund(tx, waiting as EventEnvelope<ChargeRefundedEvent>);
    else if (waiting.type === PaymentRefunded.subject)
      await this.refundRailPayment(tx, waiting as EventEnvelope<PaymentRefundedEvent>);
  }

  /** Dr refunds and chargebacks (amount held back), Dr payment fees (the dispute fee) / Cr provider balance. */
  async openDispute(tx: EntityManager, event: EventEnvelope<DisputeOpenedEvent>): Promise<void> {
    const { providerDisputeId: id, providerChargeId, currency } = event.data;
    const [amount, fee] = [event.data.amount, event.data.providerFee].map(parseMinorUnits);
    const lines = withoutZeros([
      debit(REFUNDS_AND_CHARGEBACKS, currency, amount),
      debit(PAYMENT_FEES, currency, fee),
      credit(STRIPE_BALANCE, currency, amount + fee),
    ]);
    if (lines.length === 0) return;
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.disputeOpened(id),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.openedAt),
      description: `Dispute ${id} opened on charge ${providerChargeId}`,
      lines,
      dimensions: SUBSCRIPTIONS,
    });
  }

  /** Won: Dr provider balance / Cr refunds and chargebacks (the amount reinstated). Lost: the opening entry stands. */
  async closeDispute(tx: EntityManager, event: EventEnvelope<DisputeClosedEvent>): Promise<void> {
    const { providerDisputeId: id, providerChargeId, currency, outcome } = event.data;
    const amount = parseMinorUnits(event.data.amount);
    if (outcome !== 'won' || amount === 0n) return;
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.disputeWon(id),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.closedAt),
      description: `Dispute ${id} on charge ${providerChargeId} won: funds reinstated`,
      lines: [debit(STRIPE_BALANCE, currency, amount), credit(REFUNDS_AND_CHARGEBACKS, currency, amount)],
      dimensions: SUBSCRIPTIONS,
    });
  }
}

function chargeKey(providerChargeId: string): string {
  return `charge:${providerChargeId}`;
}

function paymentKey(paymentId: string): string {
  return `payment:${paymentId}`;
}
