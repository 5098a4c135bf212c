import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail, Caller, NotFoundError } from '@libs/common';
import { AdInvoiceView, ListAdInvoicesRequest, PaymentTerms } from '@libs/contracts';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { dayNumber, dayOfNumber, localDayOf } from '../calendar/agency-days';
import { invoiceViewOf } from './invoice-view';
import type { InvoicedBooking, Invoice } from './invoice.entity';
import { InvoiceRepository, InvoiceScope } from './invoice.repository';
import { newTransferReference } from './transfer-reference';

/** An approved order as its invoice needs it. */
export interface OrderToInvoice {
  tenantId: string;
  orderId: string;
  orderName: string;
  advertiser: { id: string; name: string; taxCode: string | null };
  paymentTerms: PaymentTerms;
  netDays: number | null;
  currency: string;
  taxable: string;
  vat: string;
  total: string;
  bookings: Omit<InvoicedBooking, 'credited'>[];
  /** Prepay: until when the pay link is open. */
  payBy: Date | null;
  timeZone: string;
}

/** Orders' invoices: issued at approval, read by staff and by the advertiser they bill. */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The order's invoice, in the approval's transaction: due on the pay-by day for prepay, on the
   * invoice day plus the net days otherwise (agency-local days), with a new transfer reference.
   */
  async issue(tx: EntityManager, order: OrderToInvoice, now: Date): Promise<Invoice> {
    const today = localDayOf(now, order.timeZone);
    const dueOn =
      order.payBy !== null
        ? localDayOf(order.payBy, order.timeZone)
        : dayOfNumber(dayNumber(today) + (order.netDays ?? 0));
    const invoice = await this.invoices.add(tx, {
      tenantId: order.tenantId,
      orderId: order.orderId,
      advertiserId: order.advertiser.id,
      paymentTerms: order.paymentTerms,
      netDays: order.netDays,
      currency: order.currency,
      taxable: order.taxable,
      vat: order.vat,
      total: order.total,
      credited: '0',
      paid: '0',
      refunded: '0',
      dueOn,
      transferReference: newTransferReference(),
      buyerName: order.advertiser.name,
      buyerTaxCode: order.advertiser.taxCode,
      description: order.orderName,
      payBy: order.payBy,
      paymentId: null,
      payPageUrl: null,
      bookings: order.bookings.map((booking) => ({ ...booking, credited: '0' })),
      issuedAt: now,
    });
    await this.audit.record(tx, {
      tenantId: order.tenantId,
      action: 'invoice.issued',
      targetType: 'invoice',
      targetId: invoice.id,
      after: { orderId: order.orderId, total: invoice.total, dueOn, paymentTerms: invoice.paymentTerms },
    });
    return invoice;
  }

  async list(caller: Caller, request: ListAdInvoicesRequest): Promise<AdInvoiceView[]> {
    const invoices = await this.invoices.findMany(scopeOf(caller), request);
    const ids = invoices.map((invoice) => invoice.id);
    const [payments, refunds] = await Promise.all([this.invoices.paymentsOf(ids), this.invoices.refundsOf(ids)]);
    return invoices.map((invoice) => invoiceViewOf(invoice, payments, refunds));
  }

  async get(caller: Caller, id: string): Promise<AdInvoiceView> {
    const invoice = await this.invoices.findOne(scopeOf(caller), id);
    if (!invoice) throw new NotFoundError('invoice', id);
    const [payments, refunds] = await Promise.all([
      this.invoices.paymentsOf([invoice.id]),
      this.invoices.refundsOf([invoice.id]),
    ]);
    return invoiceViewOf(invoice, payments, refunds);
  }
}

/** Staff and finance see the agency's invoices; an advertiser's key only its own (another's answer 404). */
function scopeOf(caller: Caller): InvoiceScope {
  return { tenantId: caller.tenantId, advertiserId: advertiserScopeOf(caller) };
}
