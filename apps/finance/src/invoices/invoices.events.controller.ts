import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent, parseMinorUnits } from '@libs/common';
import { EventEnvelope, InvoicePaid, InvoicePaidEvent } from '@libs/contracts';
import { LedgerLine, LedgerService } from '../ledger/ledger.service';
import { AgencyCalendar } from '../tenants/agency-calendar';

const STRIPE_BALANCE = '1100';
const DEFERRED_REVENUE = '2100';
const VAT_PAYABLE = '2200';
const PAYMENT_FEES = '5100';

/** Subscription money as it reaches the books; recognition from deferred revenue comes later. */
@Controller()
export class InvoicesEventsController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
  ) {}

  /** Dr Stripe balance (paid − fee), Dr payment fees, Cr VAT payable, Cr deferred revenue (paid − tax). */
  @ConsumesEvent(InvoicePaid)
  async bookPayment(event: EventEnvelope<InvoicePaidEvent>, tx: EntityManager): Promise<void> {
    const { providerInvoiceId, currency, paidAt } = event.data;
    const [paid, tax, fee] = [event.data.amountPaid, event.data.tax, event.data.providerFee].map(parseMinorUnits);
    const lines: LedgerLine[] = [
      { accountCode: STRIPE_BALANCE, currency, amount: paid - fee },
      { accountCode: PAYMENT_FEES, currency, amount: fee },
      { accountCode: VAT_PAYABLE, currency, amount: -tax },
      { accountCode: DEFERRED_REVENUE, currency, amount: -(paid - tax) },
    ];
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: `invoice-paid:${providerInvoiceId}`,
      postedOn: await this.calendar.dayOf(tx, event.tenantId, paidAt),
      description: `Subscription invoice ${providerInvoiceId} paid`,
      lines: lines.filter((line) => line.amount !== 0n),
      dimensions: { stream: 'subscriptions', productId: null, siteId: null, counterpartyId: null },
    });
  }
}
