import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ChargeRefundedEvent,
  DisputeClosedEvent,
  DisputeOpenedEvent,
  EventEnvelope,
  GiftPurchasedEvent,
  InvoicePaidEvent,
} from '@libs/contracts';
import { LedgerSourceKey } from '../../ledger/ledger-source-keys';
import { StripeLedgerKeyRepository } from './stripe-ledger-key.repository';

/**
 * Learns from the payment events which Stripe movement each journal entry books (the entries'
 * own source keys name the invoice, the refund or the gift, not the charge Stripe's balance
 * transaction points at). Writes keys only; never posts. Each key is recorded by the handler of
 * the event, in the transaction that books the entry it names (with the same `LedgerSourceKey`),
 * so a reconciliation run never meets one without the other.
 */
@Injectable()
export class LedgerKeysService {
  constructor(private readonly keys: StripeLedgerKeyRepository) {}

  /** A batch of paid invoices: each one's charge is booked by its payment's entry. */
  async recordInvoicePayments(tx: EntityManager, events: EventEnvelope<InvoicePaidEvent>[]): Promise<void> {
    // An invoice without a charge moved no money at Stripe (free or fully discounted): nothing to key.
    await this.keys.recordAll(
      tx,
      events
        .filter((event) => event.data.providerChargeId)
        .map((event) => ({
          tenantId: event.tenantId,
          sourceKey: LedgerSourceKey.invoicePaid(event.data.providerInvoiceId),
          stripeSourceId: event.data.providerChargeId!,
          reportingCategory: 'charge',
          occurredAt: new Date(event.data.paidAt),
        })),
    );
  }

  async recordGiftPayment(tx: EntityManager, event: EventEnvelope<GiftPurchasedEvent>): Promise<void> {
    const { providerChargeId, giftId, paidAt } = event.data;
    if (providerChargeId)
      await this.record(tx, event, LedgerSourceKey.giftPurchased(giftId), providerChargeId, 'charge', paidAt);
  }

  recordRefund(tx: EntityManager, event: EventEnvelope<ChargeRefundedEvent>): Promise<void> {
    const { providerRefundId, refundedAt } = event.data;
    return this.record(
      tx,
      event,
      LedgerSourceKey.chargeRefunded(providerRefundId),
      providerRefundId,
      'refund',
      refundedAt,
    );
  }

  recordDisputeWithdrawal(tx: EntityManager, event: EventEnvelope<DisputeOpenedEvent>): Promise<void> {
    const { providerDisputeId, openedAt } = event.data;
    return this.record(
      tx,
      event,
      LedgerSourceKey.disputeOpened(providerDisputeId),
      providerDisputeId,
      'dispute',
      openedAt,
    );
  }

  /** Only a won dispute moves money back (Stripe's `dispute_reversal`); a lost one moves nothing more. */
  async recordDisputeReinstatement(tx: EntityManager, event: EventEnvelope<DisputeClosedEvent>): Promise<void> {
    const { providerDisputeId, outcome, closedAt } = event.data;
    if (outcome === 'won')
      await this.record(
        tx,
        event,
        LedgerSourceKey.disputeWon(providerDisputeId),
        providerDisputeId,
        'dispute_reversal',
        closedAt,
      );
  }

  /** That the entry posted under `sourceKey` books the movement of `stripeSourceId` in Stripe's `reportingCategory`. */
  private record(
    tx: EntityManager,
    event: EventEnvelope<unknown>,
    sourceKey: string,
    stripeSourceId: string,
    reportingCategory: string,
    occurredAt: string,
  ): Promise<void> {
    return this.keys.record(tx, {
      tenantId: event.tenantId,
      sourceKey,
      stripeSourceId,
      reportingCategory,
      occurredAt: new Date(occurredAt),
    });
  }
}
