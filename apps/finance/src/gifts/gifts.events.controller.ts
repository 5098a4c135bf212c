import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  EventEnvelope, GiftExpired, GiftExpiredEvent, GiftPurchased, GiftPurchasedEvent, GiftRedeemed, GiftRedeemedEvent,
} from '@libs/contracts';
import { GiftRevenueService } from './gift-revenue.service';

@Controller()
export class GiftsEventsController {
  constructor(private readonly gifts: GiftRevenueService) {}

  @ConsumesEvent(GiftPurchased)
  bookPurchase(event: EventEnvelope<GiftPurchasedEvent>, tx: EntityManager): Promise<void> {
    return this.gifts.purchase(tx, event);
  }

  @ConsumesEvent(GiftRedeemed)
  startRecognition(event: EventEnvelope<GiftRedeemedEvent>, tx: EntityManager): Promise<void> {
    return this.gifts.redeem(tx, event);
  }

  @ConsumesEvent(GiftExpired)
  recognizeBreakage(event: EventEnvelope<GiftExpiredEvent>, tx: EntityManager): Promise<void> {
    return this.gifts.expire(tx, event);
  }
}
