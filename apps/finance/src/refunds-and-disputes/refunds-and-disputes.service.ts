import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  ChargeRefunded,
  ChargeRefundedEvent,
  DisputeClosedEvent,
  DisputeOpenedEvent,
  EventEnvelope,
} from '@libs/contracts';
import {
  DEFERRED_REVENUE,
  PAYMENT_FEES,
  REFUNDS_AND_CHARGEBACKS,
  STRIPE_BALANCE,
  VAT_PAYABLE,
} from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { credit, debit, withoutZeros } from '../ledger/entry-lines';
import { LedgerSourceKey } from '../ledger/ledger-source-keys';
import { EntryDimensions } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { amountsOf, dimensionsOf, RecognitionSchedulesService } from '../recognition/recognition-schedules.service';
import { refundParts } from '../recognition/schedule-arithmetic';
import { WaitingEventsService } from '../waiting-events/waiting-events.service';

const SUBSCRIPTIONS: EntryDimensions = { stream: 'subscriptions', productId: null, siteId: null, counterpartyId: null };

/** Money going back to readers: refunds (against what they paid for) and disputes (chargebacks). */
@Injectable()
export class RefundsAndDisputesService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
    private readonly schedules: RecognitionSchedulesService,
    private readonly waitingEvents: WaitingEventsService,
  ) {}

  /**
   * Cr provider balance (refund) / Dr VAT payable (its tax share), Dr deferred revenue (the part
   * not yet recognized: the schedule's remainder shrinks), Dr refunds and chargebacks (the part
   * already recognized). The invoice or gift is found by its charge; a refund that arrives before
   * the payment waits for it.
   */
  async refund(tx: EntityManager, event: EventEnvelope<ChargeRefundedEvent>): Promise<void> {
    const { providerRefundId, providerChargeId, currency } = event.data;
    const schedule = await this.schedules.findByChargeForUpdate(tx, event.tenantId, providerChargeId);
    if (!schedule) return this.waitingEvents.waitFor(tx, chargeKey(providerChargeId), event);
    const amount = parseMinorUnits(event.data.amount);
    const parts = refundParts(amountsOf(schedule), amount);
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.chargeRefunded(providerRefundId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.refundedAt),
      description: `Refund ${providerRefundId} of charge ${providerChargeId} (${schedule.sourceRef})`,
      lines: withoutZeros([
        debit(VAT_PAYABLE, currency, parts.tax),
        debit(DEFERRED_REVENUE, currency, parts.deferred),
        debit(REFUNDS_AND_CHARGEBACKS, currency, parts.earned),
        credit(STRIPE_BALANCE, currency, amount),
      ]),
      dimensions: dimensionsOf(schedule),
    });
    if (posted.created) await this.schedules.withdraw(tx, schedule, parts, { refunded: amount });
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

  async replay(tx: EntityManager, waiting: EventEnvelope<unknown>): Promise<void> {
    if (waiting.type === ChargeRefunded.subject) await this.refund(tx, waiting as EventEnvelope<ChargeRefundedEvent>);
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
