import type { AdInvoiceView } from '@libs/contracts';
import { balanceOf, InvoiceMoney, invoiceStatusOf } from './invoice-balance';
import type { InvoicePayment } from './invoice-payment.entity';
import type { InvoiceRefund } from './invoice-refund.entity';
import type { Invoice } from './invoice.entity';

export function moneyOf(invoice: Invoice): InvoiceMoney {
  return {
    total: BigInt(invoice.total),
    credited: BigInt(invoice.credited),
    paid: BigInt(invoice.paid),
    refunded: BigInt(invoice.refunded),
  };
}

export function invoiceViewOf(invoice: Invoice, payments: InvoicePayment[], refunds: InvoiceRefund[]): AdInvoiceView {
  const money = moneyOf(invoice);
  return {
    id: invoice.id,
    orderId: invoice.orderId,
    advertiserId: invoice.advertiserId,
    status: invoiceStatusOf(money),
    paymentTerms: invoice.paymentTerms,
    netDays: invoice.netDays,
    currency: invoice.currency,
    taxable: invoice.taxable,
    vat: invoice.vat,
    total: invoice.total,
    credited: invoice.credited,
    paid: invoice.paid,
    refunded: invoice.refunded,
    balance: balanceOf(money).toString(),
    dueOn: invoice.dueOn,
    transferReference: invoice.transferReference,
    payPageUrl: invoice.payPageUrl,
    bookings: invoice.bookings.map((booking) => ({
      bookingId: booking.bookingId,
      adUnitId: booking.adUnitId,
      pricingModel: booking.pricingModel,
      flightStart: booking.flightStart,
      flightEnd: booking.flightEnd,
      taxable: booking.taxable,
      vatRateBp: booking.vatRateBp,
      vat: booking.vat,
      total: booking.total,
      credited: booking.credited,
    })),
    payments: payments
      .filter((payment) => payment.invoiceId === invoice.id)
      .map((payment) => ({
        id: payment.id,
        channel: payment.channel,
        rail: payment.rail,
        amount: payment.amount,
        paidAt: payment.paidAt.toISOString(),
      })),
    refunds: refunds
      .filter((refund) => refund.invoiceId === invoice.id)
      .map((refund) => ({
        id: refund.id,
        amount: refund.amount,
        status: refund.status,
        failure: refund.failure,
        createdAt: refund.createdAt.toISOString(),
      })),
    issuedAt: invoice.issuedAt.toISOString(),
  };
}
