import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BankTransferReceivedEvent, EventEnvelope, PaymentRefundedEvent, PaymentSucceededEvent } from '@libs/contracts';
import { startOfLocalDay } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { InvoicePaymentsService } from '../invoices/invoice-payments.service';
import { OrderTransitionsService } from '../orders/order-transitions.service';

/** An invoice's id, as a payment's purpose names it (anything else was not asked for by advertising). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Money reaching orders' invoices: a payment on a rail (its purpose names the invoice) or a bank
 * transfer finance found naming an invoice's transfer reference. Each is recorded on the invoice
 * once (InvoicePaymentsService); an invoice paid in full lets its prepaid order serve. What was
 * paid beyond what is owed is recorded as due back, and asked of the payments service by the
 * invoices' sweep (never inside the event's transaction).
 */
@Injectable()
export class OrderPaymentsService {
  constructor(
    private readonly payments: InvoicePaymentsService,
    private readonly transitions: OrderTransitionsService,
    private readonly calendars: AgencyCalendarRepository,
  ) {}

  async applyRailPayment(tx: EntityManager, event: EventEnvelope<PaymentSucceededEvent>): Promise<void> {
    const { purpose, paymentId, rail, currency } = event.data;
    if (purpose.stream !== 'advertising' || !UUID.test(purpose.reference)) return;
    await this.apply(
      tx,
      event.tenantId,
      { invoiceId: purpose.reference },
      {
        channel: 'rail',
        sourceId: paymentId,
        rail,
        currency,
        amount: BigInt(event.data.amount),
        paidAt: new Date(event.data.succeededAt),
      },
    );
  }

  async applyBankTransfer(tx: EntityManager, event: EventEnvelope<BankTransferReceivedEvent>): Promise<void> {
    const { transferReference, bankLineId, currency, bookedOn } = event.data;
    const { timeZone } = await this.calendars.findOfTenant(event.tenantId);
    await this.apply(
      tx,
      event.tenantId,
      { transferReference },
      {
        channel: 'bank',
        sourceId: bankLineId,
        rail: null,
        currency,
        amount: BigInt(event.data.amount),
        // the day the bank booked it, as the agency counts days
        paidAt: startOfLocalDay(bookedOn, timeZone),
      },
    );
  }

  async applyRefund(tx: EntityManager, event: EventEnvelope<PaymentRefundedEvent>): Promise<void> {
    if (event.data.purpose.stream !== 'advertising') return;
    await this.payments.recordRefund(tx, event.tenantId, {
      paymentId: event.data.paymentId,
      amount: BigInt(event.data.amount),
      refundKey: event.data.refundKey ?? null,
    });
  }

  private async apply(
    tx: EntityManager,
    tenantId: string,
    named: { invoiceId: string } | { transferReference: string },
    payment: Parameters<InvoicePaymentsService['record']>[2],
  ): Promise<void> {
    const invoice = await this.payments.lockNamed(tx, tenantId, named, (orderId) =>
      this.transitions.lockForPayment(tx, tenantId, orderId),
    );
    if (!invoice) return;
    const outcome = await this.payments.record(tx, invoice, payment);
    if (outcome.recorded && outcome.paidInFull && invoice.paymentTerms === 'prepay')
      await this.transitions.markPaid(tx, tenantId, invoice.orderId, payment.paidAt);
  }
}
