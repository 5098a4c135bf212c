import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { GiftPurchased } from '@libs/contracts';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderCheckout, ProviderOneOffPayment } from '../payments/provider-checkout';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { GiftRepository } from './gift.repository';
import { newGift } from './new-gift';

/** Turns a confirmed gift payment into its gift, exactly once, and tells finance. */
@Injectable()
export class GiftPurchasesService {
  private readonly logger = new Logger(GiftPurchasesService.name);

  constructor(
    private readonly provider: ProviderCheckout,
    private readonly purchases: GiftPurchaseRepository,
    private readonly gifts: GiftRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Reads the checkout's payment afresh (a notification may be stale, duplicated or out of order) and,
   * when it is paid, makes the gift inside the runner's transaction. The purchase row stays
   * locked until commit, so of two notifications about one payment the second finds the gift made.
   */
  fetchPayment(account: ProviderAccount, checkoutId: string): Promise<ProviderOneOffPayment> {
    return this.provider.retrieveOneOffPayment(account, checkoutId);
  }

  /** The checkout's payment as read from the provider (before the transaction): the gift, once it is paid. */
  async recordPayment(tx: EntityManager, account: ProviderAccount, payment: ProviderOneOffPayment): Promise<void> {
    const checkoutId = payment.checkoutId;
    if (!payment.purchaseId || !isUUID(payment.purchaseId)) {
      this.logger.log(`checkout ${checkoutId} is no gift purchase; nothing to record`);
      return;
    }
    if (!payment.paid || !payment.paidAt || !payment.paymentIntentId) {
      this.logger.log(`checkout ${checkoutId} is not paid yet; the gift waits for its payment`);
      return;
    }
    const purchase = await this.purchases.lockOfTenant(tx, account.tenantId, payment.purchaseId);
    if (!purchase || (purchase.providerCheckoutId && purchase.providerCheckoutId !== checkoutId)) {
      this.logger.warn(
        `checkout ${checkoutId} names gift purchase ${payment.purchaseId}, which this agency does not have for it`,
      );
      return;
    }
    if (purchase.giftId) return;
    const { gift } = newGift(
      {
        tenantId: purchase.tenantId,
        planId: purchase.planId,
        productId: purchase.productId,
        months: purchase.months,
        purchaserEmail: purchase.purchaserEmail,
        recipientEmail: purchase.recipientEmail,
        message: purchase.message,
        paymentReference: null,
        providerCheckoutId: checkoutId,
        paymentId: null,
      },
      payment.paidAt,
    );
    await this.gifts.insert(gift, tx);
    await this.purchases.markPaid(tx, purchase.tenantId, purchase.id, {
      giftId: gift.id,
      paidAt: payment.paidAt,
      providerCheckoutId: checkoutId,
    });
    if (payment.currency !== purchase.currency) {
      this.logger.error(`gift checkout ${checkoutId} was paid in ${payment.currency}, opened in ${purchase.currency}`);
    }
    await this.outbox.add(tx, GiftPurchased, {
      tenantId: purchase.tenantId,
      subject: gift.id,
      time: payment.paidAt,
      data: {
        giftId: gift.id,
        planId: purchase.planId,
        priceId: purchase.priceId,
        productId: purchase.productId,
        months: purchase.months,
        currency: payment.currency,
        amountPaid: payment.amountPaid.toString(),
        tax: payment.tax.toString(),
        providerFee: payment.fee.toString(),
        providerCheckoutId: checkoutId,
        providerPaymentIntentId: payment.paymentIntentId,
        providerChargeId: payment.chargeId,
        providerBalanceTransactionId: payment.balanceTransactionId,
        paidAt: payment.paidAt.toISOString(),
      },
    });
  }
}
