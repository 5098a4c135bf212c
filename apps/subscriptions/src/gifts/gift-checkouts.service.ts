import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  CreatedGiftView,
  CreateGiftCheckoutRequest,
  GiftCheckoutView,
  RevealGiftClaimCodeRequest,
} from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { ProviderCheckout } from '../payments/provider-checkout';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { giftPriceOf, monthsPerInterval } from './gift-price';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { GIFT_REFUNDED } from './gift-status';
import { GiftRepository } from './gift.repository';
import { GiftsService } from './gifts.service';
import { pendingGiftPurchase } from './pending-gift-purchase';
import { newPurchaserSecret, purchaserSecretMatches } from './purchaser-secret';

/**
 * Buying a gift: a hosted one-off payment at the plan's current price per interval times the
 * intervals, with the VAT rate in force; the gift itself is made when the payment is confirmed
 * (GiftPurchasesService), and its claim code shown once to the purchaser back from paying.
 */
@Injectable()
export class GiftCheckoutsService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly accounts: StripeAccountsService,
    private readonly taxRates: TaxRatesService,
    private readonly provider: ProviderCheckout,
    private readonly purchases: GiftPurchaseRepository,
    private readonly gifts: GiftRepository,
    private readonly giftsService: GiftsService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records the pending purchase first, so the provider request is keyed by its id (a retry
   * gets the same session) and the payment, whenever it is confirmed, finds what was bought.
   */
  async open(tenantId: string, request: CreateGiftCheckoutRequest): Promise<GiftCheckoutView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, request.planId);
    if (!plan?.active) throw new NotFoundError('plan', request.planId);
    const [price] = (await this.catalog.findPricesOfPlans(tenantId, [plan.id])).slice(-1);
    const product = await this.catalog.findProductOfTenant(tenantId, plan.productId);
    if (!price || !product) throw new NotFoundError('plan', request.planId);
    const giftPrice = giftPriceOf(plan, BigInt(price.unitAmount), request.months);
    if (!giftPrice) {
      const step = monthsPerInterval(plan);
      throw new ValidationFailedError([
        { field: 'months', message: `months must be a multiple of ${step}, the plan's billing interval in months` },
      ]);
    }
    const account = await this.accounts.providerAccountOf(tenantId);
    const taxRateIds = await this.taxRates.providerRatesAt(account, product.productType, new Date());
    const { secret: purchaserSecret, hash: purchaserSecretHash } = newPurchaserSecret();
    const purchase = pendingGiftPurchase(
      tenantId,
      { plan, price, productId: product.id, giftPrice, bill: null },
      request,
      purchaserSecretHash,
      new Date(),
    );
    await this.purchases.insert(purchase);
    const session = await this.provider.createOneOffCheckout(account, {
      idempotencyKey: `gift-checkout:${purchase.id}`,
      purchaseId: purchase.id,
      providerProductId: product.providerProductId,
      currency: price.currency,
      unitAmount: BigInt(price.unitAmount),
      quantity: giftPrice.intervals,
      email: purchase.purchaserEmail,
      successUrl: request.successUrl,
      cancelUrl: request.cancelUrl,
      taxRateIds,
      description: `Gift: ${request.months} months of ${product.name}`,
    });
    await this.purchases.linkCheckout(tenantId, purchase.id, session.id);
    return { id: session.id, url: session.url, currency: price.currency, amount: purchase.amount, purchaserSecret };
  }

  /**
   * The purchaser's one look at the claim code, once the payment is confirmed. The code is made
   * now (the gift was made with one nobody saw), so it exists in clear only in this answer. Only
   * to the holder of the purchaser secret: to anyone else the checkout is unknown. The purchase is
   * named by the provider's checkout session, or by its own id when it was paid on a rail.
   */
  async revealClaimCode(tenantId: string, request: RevealGiftClaimCodeRequest): Promise<CreatedGiftView> {
    const { checkoutSessionId, giftPurchaseId, purchaserSecret } = request;
    if (checkoutSessionId !== undefined && giftPurchaseId !== undefined)
      throw new ValidationFailedError([
        {
          field: 'giftPurchaseId',
          message: 'giftPurchaseId names the purchase instead of checkoutSessionId, not with it',
        },
      ]);
    return this.dataSource.transaction(async (tx) => {
      const purchase = giftPurchaseId
        ? await this.purchases.lockOfTenant(tx, tenantId, giftPurchaseId)
        : await this.purchases.lockByCheckout(tx, tenantId, checkoutSessionId!);
      if (!purchase || !purchaserSecretMatches(purchaserSecret, purchase.purchaserSecretHash))
        throw new NotFoundError('gift checkout', giftPurchaseId ?? checkoutSessionId!);
      if (purchase.refundedAt) throw new ConflictError(`${GIFT_REFUNDED}; no gift was made`);
      if (!purchase.giftId)
        throw new ConflictError(
          'the payment for this gift is not confirmed yet; ask again once it is (usually within a minute)',
        );
      if (purchase.codeRevealedAt)
        throw new ConflictError('the claim code of this gift has already been shown; the agency can reissue it');
      const gift = await this.gifts.lockOfTenant(tx, tenantId, purchase.giftId);
      if (!gift) throw new NotFoundError('gift', purchase.giftId);
      if (gift.refundedAt) throw new ConflictError(`${GIFT_REFUNDED}; its claim code is no longer shown`);
      const now = new Date();
      await this.purchases.markCodeRevealed(tx, tenantId, purchase.id, now);
      return this.giftsService.issueCode(tx, gift, now);
    });
  }
}
