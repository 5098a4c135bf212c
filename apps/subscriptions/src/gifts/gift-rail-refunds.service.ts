import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PaymentRefundedEvent } from '@libs/contracts';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { giftRefundEffect } from './gift-refund-effect';
import { GiftRepository } from './gift.repository';

/**
 * A payment on a rail that bought a gift was refunded. Refunded in full, the gift is `refunded`: it
 * can no longer be redeemed, and a reader who redeemed it loses its product at once (their
 * entitlements are published again, so the paywall follows). A partial refund changes nothing.
 * Finance books the refund itself, from the same PaymentRefunded.
 */
@Injectable()
export class GiftRailRefundsService {
  private readonly logger = new Logger(GiftRailRefundsService.name);

  constructor(
    private readonly gifts: GiftRepository,
    private readonly entitlements: EntitlementsService,
  ) {}

  /** Inside the event's transaction: the gift row stays locked until commit, against a redemption at the same moment. */
  async applyRefund(tx: EntityManager, event: EventEnvelope<PaymentRefundedEvent>): Promise<void> {
    const { tenantId } = event;
    const { paymentId, refundId, purpose } = event.data;
    if (purpose.stream !== 'gifts') return;
    const gift = await this.gifts.lockByPayment(tx, tenantId, paymentId);
    const refundedAt = new Date(event.data.refundedAt);
    const effect = giftRefundEffect(gift, {
      full: BigInt(event.data.refundedTotal) >= BigInt(event.data.paymentAmount),
      refundedAt,
    });
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
