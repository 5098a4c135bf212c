import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
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
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { BookingRevenueService } from './booking-revenue.service';

@Controller()
export class BookingsEventsController {
  constructor(
    private readonly bookings: BookingRevenueService,
    private readonly books: AgencyBooksLock,
  ) {}

  @ConsumesEvent(BookingInvoiced)
  async bookInvoice(event: EventEnvelope<BookingInvoicedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.invoice(tx, event);
  }

  @ConsumesEvent(BookingPaid)
  async bookPayment(event: EventEnvelope<BookingPaidEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.collect(tx, event);
  }

  @ConsumesEvent(DeliveryRecorded)
  async recognizeDelivery(event: EventEnvelope<DeliveryRecordedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.recognizeDelivery(tx, event);
  }

  @ConsumesEvent(MakeGoodCredited)
  async bookMakeGood(event: EventEnvelope<MakeGoodCreditedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.bookings.creditMakeGood(tx, event);
  }
}
