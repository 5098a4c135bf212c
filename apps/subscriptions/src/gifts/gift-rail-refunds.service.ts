import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PaymentRefundedEvent } from '@libs/contracts';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { giftRefundEffect } from './gift-refund-effect';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { GiftRepository } from './gift.repository';

/**
 * A payment on a rail that bought a gift was refunded. Refunded in full, the gift is `refunded`: it
 * can no longer be redeemed, and a reader who redeemed it loses its product at once (their
 * entitlements are published again, so the paywall follows). Refunded in full before the payment
 * made the gift, the purchase says so and the payment makes none (it is left unapplied). A partial
 * refund changes nothing. Finance books the refund itself, from the same PaymentRefunded.
 */
@Injectable()
export class GiftRailRefundsService {
  private readonly logger = new Logger(GiftRailRefundsService.name);

  constructor(
    private readonly purchases: GiftPurchaseRepository,
    private readonly gifts: GiftRepository,
    private readonly entitlements: EntitlementsService,
  ) {}

  /**
   * Inside the event's transaction. The purchase row is locked first, as the payment's arrival
   * locks it (GiftRailPaymentsService): whichever comes second sees what the first did. The gift
   * row stays locked until commit, against a redemption at the same moment.
   */
  async applyRefund(tx: EntityManager, event: EventEnvelope<PaymentRefundedEvent>): Promise<void> {
    const { tenantId } = event;
    const { paymentId, refundId, purpose } = event.data;
    if (purpose.stream !== 'gifts') return;
    const purchase = isUUID(purpose.reference)
      ? await this.purchases.lockOfTenant(tx, tenantId, purpose.reference)
      : null;
    const gift = await this.gifts.lockByPayment(tx, tenantId, paymentId);
    const refundedAt = new Date(event.data.refundedAt);
    const full = BigInt(event.data.refundedTotal) >= BigInt(event.data.paymentAmount);
    if (!gift && full && purchase && !purchase.giftId && (purchase.paymentId ?? paymentId) === paymentId) {
      await this.purchases.markRefunded(tx, tenantId, purchase.id, refundedAt);
      return this.logger.warn(
        `gift purchase ${purchase.id}: payment ${paymentId} refunded in full before it made the gift`,
      );
    }
    const effect = giftRefundEffect(gift, { full, refundedAt });
    if (effect.kind === 'none' || !gift)
      return this.logger.log(
        `refund ${refundId} of payment ${paymentId} changes no gift: ${effect.kind === 'none' ? effect.reason : 'no gift'}`,
      );
    const redeemedUntil = effect.kind === 'end-access' ? effect.until : gift.redeemedUntil;
    if (!(await this.gifts.markRefunded(tx, tenantId, gift.id, { refundedAt, redeemedUntil }))) return;
    if (effect.kind === 'end-access' && gift.redeemerKey)
      await this.entitlements.refresh(tx, tenantId, gift.redeemerKey, new Date());
    this.logger.log(
      `gift ${gift.id}: payment ${paymentId} refunded in full; ${effect.kind === 'revoke' ? 'revoked' : 'access ended'}`,
    );
  }
}
