import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import {
  BookingCanceled,
  BookingCanceledEvent,
  BookingInvoiced,
  BookingInvoicedEvent,
  BookingPaid,
  BookingPaidEvent,
  DeliveryRecorded,
  DeliveryRecordedEvent,
  EventEnvelope,
  MakeGoodCredited,
  MakeGoodCreditedEvent,
} from '@libs/contracts';
import { ArticleRevenueService } from '../article-revenue/article-revenue.service';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { BookingRevenueService } from './booking-revenue.service';

/** Advertising bookings as they reach the books; one handler per event (see ADR 0008). */
@Controller()
export class BookingsEventsController {
  constructor(
    private readonly books: AgencyBooksLock,
    private readonly bookings: BookingRevenueService,
    private readonly articleRevenue: ArticleRevenueService,
  ) {}

  @ConsumesEvent(BookingInvoiced)
  async onBookingInvoiced(event: EventEnvelope<BookingInvoicedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.invoice(tx, event);
  }

  @ConsumesEvent(BookingPaid)
  async onBookingPaid(event: EventEnvelope<BookingPaidEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.collect(tx, event);
  }

  /** Recognizes the day's delivery, then records what each article's pages earned. */
  @ConsumesEvent(DeliveryRecorded)
  async onDeliveryRecorded(event: EventEnvelope<DeliveryRecordedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.recognizeDelivery(tx, event);
    await this.articleRevenue.recordDelivery(tx, event);
  }

  @ConsumesEvent(MakeGoodCredited)
  async onMakeGoodCredited(event: EventEnvelope<MakeGoodCreditedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.creditMakeGood(tx, event);
  }

  @ConsumesEvent(BookingCanceled)
  async onBookingCanceled(event: EventEnvelope<BookingCanceledEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.cancel(tx, event);
  }
}
