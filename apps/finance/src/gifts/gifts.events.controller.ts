import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
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
import { LedgerKeysService } from '../reconciliation/ledger-keys/ledger-keys.service';
import { GiftRevenueService } from './gift-revenue.service';

/** Gifts bought through gift checkout (the provider's or a rail's), as they reach the books; one handler per event (see ADR 0008). */
@Controller()
export class GiftsEventsController {
  constructor(
    private readonly books: AgencyBooksLock,
    private readonly gifts: GiftRevenueService,
    private readonly ledgerKeys: LedgerKeysService,
  ) {}

  /** Books the purchase, then records which Stripe charge its entry books (none for a gift paid on a rail). */
  @ConsumesEvent(GiftPurchased)
  async onGiftPurchased(event: EventEnvelope<GiftPurchasedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.gifts.purchase(tx, event);
    await this.ledgerKeys.recordGiftPayment(tx, event);
  }

  @ConsumesEvent(GiftRedeemed)
  async onGiftRedeemed(event: EventEnvelope<GiftRedeemedEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.gifts.redeem(tx, event);
  }

  @ConsumesEvent(GiftExpired)
  async onGiftExpired(event: EventEnvelope<GiftExpiredEvent>, tx: EventTransaction): Promise<void> {
    await this.books.hold(tx, event.tenantId);
    await this.gifts.expire(tx, event);
  }
}
