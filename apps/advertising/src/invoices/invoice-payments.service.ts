import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { BookingPaid, InvoicePaymentChannel, PaymentRailName } from '@libs/contracts';
import { balanceOf } from './invoice-balance';
import { InvoiceRefundsService } from './invoice-refunds.service';
import { moneyOf } from './invoice-view';
import type { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { splitPayment } from './payment-split';

/** Money that reached an invoice, as the payments service or finance told it. */
export interface ArrivedPayment {
  channel: InvoicePaymentChannel;
  /** The payments service's payment id, or finance's bank statement line id. */
  sourceId: string;
  rail: PaymentRailName | null;
  currency: string;
  amount: bigint;
  paidAt: Date;
}

/** What a payment did to its invoice: whether it was new, and whether the invoice is now paid in full. */
export interface PaymentOutcome {
  recorded: boolean;
  paidInFull: boolean;
  invoice: Invoice;
}

/**
 * Payments and refunds as they reach an order's invoice. A payment is recorded once (by channel
 * and source), split over the invoice's bookings exactly (what each still owes first; see
 * `splitPayment`), and each share told to finance (BookingPaid: `rail` for the rails, whose cash
 * finance books from the payment itself; `bank` for a transfer). Money beyond what is owed goes
 * back on its rail (InvoiceRefundsService).
 */
@Injectable()
export class InvoicePaymentsService {
  private readonly logger = new Logger(InvoicePaymentsService.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly refunds: InvoiceRefundsService,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * The invoice a payment names (a rail payment by its purpose, the invoice id; a transfer by its
   * reference), locked after `lockOrder` has locked its order: a cancellation locks the order then
   * the invoice, so a payment takes them in the same order and never deadlocks with it.
   */
  async lockNamed(
    tx: EntityManager,
    tenantId: string,
    named: { invoiceId: string } | { transferReference: string },
    lockOrder: (orderId: string) => Promise<unknown>,
  ): Promise<Invoice | null> {
    const found =
      'invoiceId' in named
        ? await this.invoices.findOne({ tenantId, advertiserId: null }, named.invoiceId)
        : await this.invoices.findByTransferReference(tenantId, named.transferReference);
    if (!found) return null;
    await lockOrder(found.orderId);
    return this.invoices.findForChange(tx, tenantId, found.id);
  }

  /** Records the payment on the (locked) invoice; a payment in another currency is left for finance to resolve. */
  async record(tx: EntityManager, invoice: Invoice, payment: ArrivedPayment): Promise<PaymentOutcome> {
    if (payment.currency !== invoice.currency || payment.amount <= 0n) {
      this.logger.warn(
        `invoice ${invoice.id} is billed in ${invoice.currency}: ${payment.channel} ${payment.sourceId} of ${payment.amount} ${payment.currency} not applied`,
      );
      return { recorded: false, paidInFull: balanceOf(moneyOf(invoice)) <= 0n, invoice };
    }
    const earlier = await this.invoices.paymentsOf([invoice.id], tx);
    const paidOf = (bookingId: string) =>
      earlier
        .flatMap((each) => each.shares)
        .filter((share) => share.bookingId === bookingId)
        .reduce((sum, share) => sum + BigInt(share.amount), 0n);
    const split = splitPayment(
      payment.amount,
      invoice.bookings.map((booking) => ({
        owed: BigInt(booking.total) - BigInt(booking.credited) - paidOf(booking.bookingId),
        total: BigInt(booking.total),
      })),
    );
    const shares = invoice.bookings
      .map((booking, i) => ({ id: randomUUID(), bookingId: booking.bookingId, amount: split[i].toString() }))
      .filter((share) => share.amount !== '0');
    const added = await this.invoices.addPayment(tx, {
      tenantId: invoice.tenantId,
      invoiceId: invoice.id,
      channel: payment.channel,
      sourceId: payment.sourceId,
      rail: payment.rail,
      amount: payment.amount.toString(),
      currency: payment.currency,
      paidAt: payment.paidAt,
      shares,
    });
    if (!added) return { recorded: false, paidInFull: balanceOf(moneyOf(invoice)) <= 0n, invoice };
    invoice.paid = (BigInt(invoice.paid) + payment.amount).toString();
    const saved = await this.invoices.save(tx, invoice);
    await this.outbox.addAll(
      tx,
      BookingPaid,
      shares.map((share) => ({
        tenantId: invoice.tenantId,
        subject: share.bookingId,
        data: {
          paymentId: share.id,
          bookingId: share.bookingId,
          advertiserId: invoice.advertiserId,
          currency: invoice.currency,
          amount: share.amount,
          paidTo: payment.channel === 'rail' ? ('rail' as const) : ('bank' as const),
          paidAt: payment.paidAt.toISOString(),
        },
      })),
    );
    await this.refunds.recordOwedBack(tx, saved, 'paid more than the invoice bills');
    return { recorded: true, paidInFull: balanceOf(moneyOf(saved)) <= 0n, invoice: saved };
  }

  /**
   * A refund the payments service made of an invoice's rail payment (one of advertising's, found
   * by its key, or one staff made themselves): counted once (the event's inbox), the refund
   * advertising asked for marked refunded.
   */
  async recordRefund(
    tx: EntityManager,
    tenantId: string,
    refund: { paymentId: string; amount: bigint; refundKey: string | null },
  ): Promise<void> {
    const invoiceId = await this.invoices.invoiceOfRailPayment(tx, tenantId, refund.paymentId);
    if (!invoiceId) return;
    const invoice = await this.invoices.findForChange(tx, tenantId, invoiceId);
    if (!invoice) return;
    invoice.refunded = (BigInt(invoice.refunded) + refund.amount).toString();
    await this.invoices.save(tx, invoice);
    if (refund.refundKey) await this.invoices.moveRefund(refund.refundKey, ['due', 'requested'], 'refunded', null, tx);
  }
}
