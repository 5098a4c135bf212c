import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { EventEnvelope, GiftPurchased, PaymentSucceededEvent } from '@libs/contracts';
import { settleGiftPurchaseByPayment } from './gift-payment-settlement';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { GiftRepository } from './gift.repository';
import { newGift } from './new-gift';
import { UnappliedPaymentsService } from '../unapplied-payments/unapplied-payments.service';

/**
 * A payment on a rail paid a gift purchase: the gift is made, exactly as a paid provider checkout
 * makes it (its claim code revealed once with the purchaser secret), and finance hears it
 * purchased, with the payment that booked its cash. A payment that makes no gift is told to
 * finance as left unapplied (the payer's money, to be refunded).
 */
@Injectable()
export class GiftRailPaymentsService {
  constructor(
    private readonly purchases: GiftPurchaseRepository,
    private readonly gifts: GiftRepository,
    private readonly outbox: EventOutbox,
    private readonly unapplied: UnappliedPaymentsService,
  ) {}

  /** Inside the event's transaction: the purchase row stays locked until commit, so a payment seen twice makes one gift. */
  async applyPayment(tx: EntityManager, event: EventEnvelope<PaymentSucceededEvent>): Promise<void> {
    const { tenantId } = event;
    const { paymentId, purpose, currency } = event.data;
    const purchase = isUUID(purpose.reference)
      ? await this.purchases.lockOfTenant(tx, tenantId, purpose.reference)
      : null;
    const settlement = settleGiftPurchaseByPayment(
      purchase && {
        currency: purchase.currency,
        amountDue: purchase.amountDue === null ? null : BigInt(purchase.amountDue),
        paymentId: purchase.paymentId,
        giftId: purchase.giftId,
        refunded: purchase.refundedAt !== null,
      },
      { paymentId, currency, amount: BigInt(event.data.amount) },
    );
    if (settlement.kind === 'ignore')
      return this.unapplied.leave(tx, event, { reason: settlement.reason, giftPurchaseId: purchase?.id ?? null });
    if (settlement.kind === 'already-issued' || !purchase) return;

    const paidAt = new Date(event.data.succeededAt);
    const { gift } = newGift(
      {
        tenantId,
        planId: purchase.planId,
        productId: purchase.productId,
        months: purchase.months,
        purchaserEmail: purchase.purchaserEmail,
        recipientEmail: purchase.recipientEmail,
        message: purchase.message,
        paymentReference: null,
        providerCheckoutId: null,
        paymentId,
      },
      paidAt,
    );
    await this.gifts.insert(gift, tx);
    await this.purchases.markPaid(tx, tenantId, purchase.id, { giftId: gift.id, paidAt, paymentId });
    await this.outbox.add(tx, GiftPurchased, {
      tenantId,
      subject: gift.id,
      time: paidAt,
      data: {
        giftId: gift.id,
        planId: purchase.planId,
        priceId: purchase.priceId,
        productId: purchase.productId,
        months: purchase.months,
        currency,
        amountPaid: event.data.amount,
        tax: purchase.tax ?? event.data.vatAmount,
        providerFee: '0',
        providerCheckoutId: null,
        providerPaymentIntentId: null,
        providerChargeId: null,
        providerBalanceTransactionId: null,
        paymentId,
        paidAt: paidAt.toISOString(),
      },
    });
  }
}
