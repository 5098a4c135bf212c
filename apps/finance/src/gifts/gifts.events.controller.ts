import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  EventEnvelope,
  GiftExpired,
  GiftExpiredEvent,
  GiftPurchased,
  GiftPurchasedEvent,
  GiftRedeemed,
  GiftRedeemedEvent,
} from '@libs/contracts';
import { AgencyBooksLock } from '../ledger/agency-books-lock';
import { GiftRevenueService } from './gift-revenue.service';

@Controller()
export class GiftsEventsController {
  constructor(
    private readonly gifts: GiftRevenueService,
    private readonly books: AgencyBooksLock,
  ) {}

  @ConsumesEvent(GiftPurchased)
  async bookPurchase(event: EventEnvelope<GiftPurchasedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.gifts.purchase(tx, event);
  }

  @ConsumesEvent(GiftRedeemed)
  async startRecognition(event: EventEnvelope<GiftRedeemedEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.gifts.redeem(tx, event);
  }

  @ConsumesEvent(GiftExpired)
  async recognizeBreakage(event: EventEnvelope<GiftExpiredEvent>, tx: EntityManager): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.gifts.expire(tx, event);
  }
}
