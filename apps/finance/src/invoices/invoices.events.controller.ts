import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEventsInBatches, parseMinorUnits } from '@libs/common';
import { EventEnvelope, InvoicePaid, InvoicePaidEvent } from '@libs/contracts';
import { EntryToPost, LedgerLine, LedgerService } from '../ledger/ledger.service';

const STRIPE_BALANCE = '1100';
const DEFERRED_REVENUE = '2100';
const VAT_PAYABLE = '2200';
const PAYMENT_FEES = '5100';

/** Subscription money as it reaches the books; recognition from deferred revenue comes later. */
@Controller()
export class InvoicesEventsController {
  constructor(private readonly ledger: LedgerService) {}

  /**
   * Payments arrive in bursts (renewals at the turn of a month): booked many per transaction, two
   * transactions at once (the order of payments changes no total).
   */
  @ConsumesEventsInBatches(InvoicePaid, { maxBatch: 500, inFlight: 2 })
  async bookPayments(events: EventEnvelope<InvoicePaidEvent>[], tx: EntityManager): Promise<void> {
    await this.ledger.postAll(tx, events.map(paymentEntry));
  }
}

/** Dr Stripe balance (paid − fee), Dr payment fees, Cr VAT payable, Cr deferred revenue (paid − tax). */
function paymentEntry(event: EventEnvelope<InvoicePaidEvent>): EntryToPost {
  const { providerInvoiceId, currency, paidAt } = event.data;
  const [paid, tax, fee] = [event.data.amountPaid, event.data.tax, event.data.providerFee].map(parseMinorUnits);
  const lines: LedgerLine[] = [
    { accountCode: STRIPE_BALANCE, currency, amount: paid - fee },
    { accountCode: PAYMENT_FEES, currency, amount: fee },
    { accountCode: VAT_PAYABLE, currency, amount: -tax },
    { accountCode: DEFERRED_REVENUE, currency, amount: -(paid - tax) },
  ];
  return {
    tenantId: event.tenantId,
    sourceKey: `invoice-paid:${providerInvoiceId}`,
    postedOn: paidAt.slice(0, 10),
    description: `Subscription invoice ${providerInvoiceId} paid`,
    lines: lines.filter((line) => line.amount !== 0n),
  };
}
