import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent, ConsumesEventsInBatches } from '@libs/common';
import {
  ChargeRefunded,
  ChargeRefundedEvent,
  DisputeClosed,
  DisputeClosedEvent,
  DisputeOpened,
  DisputeOpenedEvent,
  EventEnvelope,
  GiftPurchased,
  GiftPurchasedEvent,
  InvoicePaid,
  InvoicePaidEvent,
} from '@libs/contracts';
import { LedgerSourceKey } from '../../ledger/ledger-source-keys';
import { StripeLedgerKeysRepository } from './stripe-ledger-keys.repository';

/**
 * Learns from the payment events which Stripe movement each journal entry books (the entries'
 * own source keys name the invoice, the refund or the gift, not the charge Stripe's balance
 * transaction points at). Writes keys only; never posts. Its handlers join the bookkeeping's own
 * handlers of the same events, in their transactions: a key commits with the entry it names, so
 * a reconciliation run never meets one without the other.
 */
@Controller()
export class LedgerKeysEventsController {
  constructor(private readonly keys: StripeLedgerKeysRepository) {}

  /** In the bookkeeping's batches of paid invoices. */
  @ConsumesEventsInBatches(InvoicePaid, { maxBatch: 1000, inFlight: 2 })
  async keyInvoicePayments(events: EventEnvelope<InvoicePaidEvent>[], tx: EntityManager): Promise<void> {
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

  @ConsumesEvent(GiftPurchased)
  async keyGiftPayment(event: EventEnvelope<GiftPurchasedEvent>, tx: EntityManager): Promise<void> {
    const { providerChargeId, giftId, paidAt } = event.data;
    if (providerChargeId)
      await this.key(tx, event, LedgerSourceKey.giftPurchased(giftId), providerChargeId, 'charge', paidAt);
  }

  @ConsumesEvent(ChargeRefunded)
  keyRefund(event: EventEnvelope<ChargeRefundedEvent>, tx: EntityManager): Promise<void> {
    const { providerRefundId, refundedAt } = event.data;
    return this.key(
      tx,
      event,
      LedgerSourceKey.chargeRefunded(providerRefundId),
      providerRefundId,
      'refund',
      refundedAt,
    );
  }

  @ConsumesEvent(DisputeOpened)
  keyDisputeWithdrawal(event: EventEnvelope<DisputeOpenedEvent>, tx: EntityManager): Promise<void> {
    const { providerDisputeId, openedAt } = event.data;
    return this.key(
      tx,
      event,
      LedgerSourceKey.disputeOpened(providerDisputeId),
      providerDisputeId,
      'dispute',
      openedAt,
    );
  }

  /** Only a won dispute moves money back (Stripe's `dispute_reversal`); a lost one moves nothing more. */
  @ConsumesEvent(DisputeClosed)
  async keyDisputeReinstatement(event: EventEnvelope<DisputeClosedEvent>, tx: EntityManager): Promise<void> {
    const { providerDisputeId, outcome, closedAt } = event.data;
    if (outcome === 'won')
      await this.key(
        tx,
        event,
        LedgerSourceKey.disputeWon(providerDisputeId),
        providerDisputeId,
        'dispute_reversal',
        closedAt,
      );
  }

  /** That the entry posted under `sourceKey` books the movement of `stripeSourceId` in Stripe's `reportingCategory`. */
  private key(
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
