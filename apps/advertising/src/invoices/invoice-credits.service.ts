import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '@libs/common';
import { InvoiceRefundsService } from './invoice-refunds.service';
import type { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';

/** What canceling one booking took off its invoice, VAT included, minor units. */
export interface BookingCredit {
  bookingId: string;
  credited: bigint;
}

/**
 * A canceled order's credit on its invoice: each booking's credit recorded (finance hears of it
 * from the order's BookingCanceled), and what was paid beyond what is now owed recorded as due
 * back on its rails.
 */
@Injectable()
export class InvoiceCreditsService {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly refunds: InvoiceRefundsService,
    private readonly audit: AuditTrail,
  ) {}

  /** Credits the order's invoice; null when the order was never invoiced. */
  async credit(
    tx: EntityManager,
    tenantId: string,
    orderId: string,
    credits: BookingCredit[],
    reason: string,
  ): Promise<Invoice | null> {
    const invoice = await this.invoices.findOfOrderForChange(tx, tenantId, orderId);
    if (!invoice) return null;
    const before = { credited: invoice.credited };
    const byBooking = new Map(credits.map((credit) => [credit.bookingId, credit]));
    invoice.bookings = invoice.bookings.map((booking) => ({
      ...booking,
      credited: (BigInt(booking.credited) + (byBooking.get(booking.bookingId)?.credited ?? 0n)).toString(),
    }));
    const credited = credits.reduce((sum, credit) => sum + credit.credited, 0n);
    invoice.credited = (BigInt(invoice.credited) + credited).toString();
    const saved = await this.invoices.save(tx, invoice);
    await this.refunds.recordOwedBack(tx, saved, `order canceled: ${reason}`);
    await this.audit.record(tx, {
      tenantId,
      action: 'invoice.credited',
      targetType: 'invoice',
      targetId: invoice.id,
      before,
      after: { credited: saved.credited, reason },
    });
    return saved;
  }
}
