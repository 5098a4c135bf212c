import { Injectable } from '@nestjs/common';
import { Caller, RpcClient, ValidationFailedError } from '@libs/common';
import { CreateGiftRailCheckoutRequest, CreatePayment, GiftRailCheckoutView, SERVICE_ROLES } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { billGift } from './gift-bill';
import { giftPriceOf, monthsPerInterval } from './gift-price';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { pendingGiftPurchase } from './pending-gift-purchase';
import { newPurchaserSecret } from './purchaser-secret';

/** How long the purchaser has to pay. */
const PAY_WITHIN_MINUTES = 60;
/** What payments takes of a line's description (UTF-8): a product's name may be 200 Vietnamese characters. */
const LINE_DESCRIPTION_BYTES = 200;

/**
 * Buying a gift on a domestic rail: the same price as the provider's gift checkout (the plan's
 * price per interval times the intervals, VAT as the provider computes it), asked of payments; the
 * gift is made when the money arrives (GiftRailPaymentsService) and its claim code shown once to
 * the holder of the purchaser secret. The pending purchase is recorded first, so the payment names
 * it; payments is asked after, outside any transaction, and asked again for the same purchase it
 * answers the same payment.
 */
@Injectable()
export class GiftRailCheckoutsService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly taxRates: TaxRatesService,
    private readonly purchases: GiftPurchaseRepository,
    private readonly rpc: RpcClient,
  ) {}

  async open(
    tenantId: string,
    request: CreateGiftRailCheckoutRequest,
    requestId: string,
  ): Promise<GiftRailCheckoutView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, request.planId);
    if (!plan?.active)
      throw new ValidationFailedError([{ field: 'planId', message: 'planId names no plan the agency sells' }]);
    const price = (await this.catalog.findPricesOfPlans(tenantId, [plan.id])).at(-1);
    const product = await this.catalog.findProductOfTenant(tenantId, plan.productId);
    if (!price || !product)
      throw new ValidationFailedError([{ field: 'planId', message: 'planId names a plan without a price' }]);
    const giftPrice = giftPriceOf(plan, BigInt(price.unitAmount), request.months);
    if (!giftPrice)
      throw new ValidationFailedError([
        {
          field: 'months',
          message: `months must be a multiple of ${monthsPerInterval(plan)}, the plan's billing interval in months`,
        },
      ]);
    const now = new Date();
    const bill = billGift(giftPrice.amount, await this.taxRates.rateAt(tenantId, product.productType, now));
    const { secret: purchaserSecret, hash: purchaserSecretHash } = newPurchaserSecret();
    const purchase = pendingGiftPurchase(
      tenantId,
      { plan, price, productId: product.id, giftPrice, bill: bill },
      request,
      purchaserSecretHash,
      now,
    );
    await this.purchases.insert(purchase);
    const description = clippedToBytes(`Gift: ${request.months} months of ${product.name}`, LINE_DESCRIPTION_BYTES);
    const payment = await this.rpc.request(
      CreatePayment,
      {
        amount: purchase.amountDue!,
        currency: purchase.currency,
        purpose: { stream: 'gifts', reference: purchase.id, description },
        buyer: { name: null, email: purchase.purchaserEmail, phone: null, taxCode: null, address: null },
        lines: [
          {
            description,
            quantity: 1,
            amount: bill.net.toString(),
            vatRateBasisPoints: bill.vatRateBasisPoints,
            vatAmount: bill.vat.toString(),
          },
        ],
        returnUrl: request.returnUrl,
        ...(request.rails ? { rails: request.rails } : {}),
        expiresInMinutes: PAY_WITHIN_MINUTES,
      },
      giftsCaller(tenantId, purchase.id, requestId),
    );
    await this.purchases.linkPayment(tenantId, purchase.id, payment.id);
    return {
      giftPurchaseId: purchase.id,
      paymentId: payment.id,
      payPageUrl: payment.payPageUrl,
      currency: purchase.currency,
      amount: purchase.amountDue!,
      tax: purchase.tax!,
      purchaserSecret,
    };
  }
}

/** Subscriptions itself asking payments for a gift's money (not the purchaser or the page they bought on). */
function giftsCaller(tenantId: string, giftPurchaseId: string, requestId: string): Caller {
  return {
    tenantId,
    actor: `subscriptions:gift-purchase:${giftPurchaseId}`,
    roles: [SERVICE_ROLES.streamBilling],
    requestId,
  };
}

/** `text` cut at a character boundary so that its UTF-8 fits in `maxBytes`. */
function clippedToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let clipped = '';
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    clipped += character;
  }
  return clipped;
}
