import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, currentContext, EventOutbox, NotFoundError } from '@libs/common';
import {
  CreatedGiftView,
  CreateGiftRequest,
  GiftByCodeView,
  GiftListResponse,
  GiftRedeemed,
  GiftRedemptionView,
  GiftView,
  LIST_PAGE_DEFAULT,
  ListGiftsRequest,
  readerKeyOf,
  RedeemGiftRequest,
} from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { EntitlementsService } from '../entitlements/entitlements.service';
import type { GrantSource, HeldGift } from '../entitlements/grant-source';
import { addCalendarMonths } from './calendar-months';
import { canonicalGiftCode, hashGiftCode, newGiftCode } from './gift-code';
import { GiftPurchaseRepository } from './gift-purchase.repository';
import { GIFT_REFUNDED, giftStatusOf } from './gift-status';
import { toGiftView } from './gift-view.mapper';
import { Gift } from './gift.entity';
import { GiftRepository } from './gift.repository';
import { newGift } from './new-gift';

/**
 * Gifts of N months of a plan's product: recorded by staff when paid elsewhere, or bought
 * through gift checkout; redeemed once by a reader, who then holds the product's entitlements
 * for N calendar months. Not a provider subscription: nothing renews. A redeemed gift is a grant:
 * this service is the gifts' `GrantSource`.
 */
@Injectable()
export class GiftsService implements GrantSource {
  readonly kind = 'gift';

  private readonly publicBaseUrl: string;

  constructor(
    private readonly gifts: GiftRepository,
    private readonly purchases: GiftPurchaseRepository,
    private readonly catalog: CatalogRepository,
    private readonly entitlements: EntitlementsService,
    private readonly outbox: EventOutbox,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    env: SubscriptionsEnv,
  ) {
    this.publicBaseUrl = env.PUBLIC_BASE_URL;
  }

  async create(tenantId: string, request: CreateGiftRequest): Promise<CreatedGiftView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, request.planId);
    if (!plan?.active) throw new NotFoundError('plan', request.planId);
    const now = new Date();
    const { gift, code } = newGift(
      {
        tenantId,
        planId: plan.id,
        productId: plan.productId,
        months: request.months,
        purchaserEmail: request.purchaserEmail.toLowerCase(),
        recipientEmail: request.recipientEmail?.toLowerCase() ?? null,
        message: request.message ?? null,
        paymentReference: request.paymentReference ?? null,
        providerCheckoutId: null,
        paymentId: null,
      },
      now,
    );
    const created = this.withCode(gift, code, now);
    await this.dataSource.transaction(async (tx) => {
      await this.gifts.insert(gift, tx);
      await this.audit.record(tx, {
        tenantId,
        action: 'gift.created',
        targetType: 'gift',
        targetId: gift.id,
        after: created.gift,
      });
    });
    return created;
  }

  async list(tenantId: string, request: ListGiftsRequest): Promise<GiftListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const rows = await this.gifts.findPageOfTenant(tenantId, limit, request.before);
    const now = new Date();
    return {
      items: rows.map((gift) => toGiftView(gift, now)),
      nextBefore: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  async get(tenantId: string, id: string): Promise<GiftView> {
    const gift = await this.gifts.findOneOfTenant(tenantId, id);
    if (!gift) throw new NotFoundError('gift', id);
    return toGiftView(gift, new Date());
  }

  /** A new code for an unredeemed gift (its holder lost it); the old one stops working at commit. */
  async reissueCode(tenantId: string, id: string): Promise<CreatedGiftView> {
    return this.dataSource.transaction(async (tx) => {
      const gift = await this.gifts.lockOfTenant(tx, tenantId, id);
      if (!gift) throw new NotFoundError('gift', id);
      const now = new Date();
      const status = giftStatusOf(gift, now);
      if (status === 'refunded') throw new ConflictError(`${GIFT_REFUNDED}; its code can no longer be reissued`);
      if (status === 'redeemed')
        throw new ConflictError('this gift has been redeemed; its code can no longer be reissued');
      if (status === 'expired')
        throw new ConflictError(
          `this gift could be redeemed until ${gift.redeemBy.toISOString()}; its code can no longer be reissued`,
        );
      await this.purchases.closeCodeRevealOfGift(tx, tenantId, gift.id, now);
      const reissued = await this.issueCode(tx, gift, now);
      await this.audit.record(tx, {
        tenantId,
        action: 'gift.code-reissued',
        targetType: 'gift',
        targetId: gift.id,
        before: { codeLast4: gift.codeLast4 },
        after: { codeLast4: reissued.gift.codeLast4 },
      });
      return reissued;
    });
  }

  /** Gives the (locked) gift a fresh claim code and answers it, the only time it is shown. */
  async issueCode(tx: EntityManager, gift: Gift, now: Date): Promise<CreatedGiftView> {
    const { code, hash, last4 } = newGiftCode();
    await this.gifts.replaceCode(tx, gift.tenantId, gift.id, { codeHash: hash, codeLast4: last4 });
    return this.withCode({ ...gift, codeHash: hash, codeLast4: last4 }, code, now);
  }

  /**
   * The gift a code opens, whichever agency it belongs to (the gift page has no tenant). From
   * here on the request belongs to that agency.
   */
  async lookUpByCode(code: string): Promise<GiftByCodeView> {
    const canonical = canonicalGiftCode(code);
    const gift = canonical ? await this.gifts.findByCodeHashInAnyTenant(hashGiftCode(canonical)) : null;
    if (!gift) throw new NotFoundError('gift code');
    const context = currentContext();
    if (context) context.tenantId = gift.tenantId;
    const product = await this.catalog.findProductOfTenant(gift.tenantId, gift.productId);
    return {
      tenantId: gift.tenantId,
      giftId: gift.id,
      productName: product?.name ?? '',
      entitlements: product?.entitlements ?? [],
      months: gift.months,
      message: gift.message,
      status: giftStatusOf(gift, new Date()),
      redeemBy: gift.redeemBy.toISOString(),
    };
  }

  /**
   * Redeems once. The gift row stays locked from the check to the commit, so of two concurrent
   * redemptions the second sees the first and is refused; the reader's entitlements, their
   * event and GiftRedeemed are written in the same transaction. A code of another agency is
   * simply not found.
   */
  async redeem(tenantId: string, request: RedeemGiftRequest): Promise<GiftRedemptionView> {
    const canonical = canonicalGiftCode(request.code);
    if (!canonical) throw new NotFoundError('gift code');
    const reader = {
      key: readerKeyOf(request),
      readerId: request.readerId ?? null,
      email: request.email?.toLowerCase() ?? null,
    };
    return this.dataSource.transaction(async (tx) => {
      const gift = await this.gifts.lockByCodeHash(tx, tenantId, hashGiftCode(canonical));
      if (!gift) throw new NotFoundError('gift code');
      const now = new Date();
      if (gift.refundedAt) throw new ConflictError(`${GIFT_REFUNDED}; it can no longer be redeemed`);
      if (gift.redeemedAt) throw new ConflictError('this gift code has already been redeemed');
      if (giftStatusOf(gift, now) === 'expired')
        throw new ConflictError(`this gift code could be redeemed until ${gift.redeemBy.toISOString()}`);
      const until = addCalendarMonths(now, gift.months);
      const redeemed = await this.gifts.markRedeemed(tx, tenantId, gift.id, {
        redeemedAt: now,
        redeemerKey: reader.key,
        redeemerReaderId: reader.readerId,
        redeemerEmail: reader.email,
        redeemedUntil: until,
      });
      if (!redeemed) throw new ConflictError('this gift code has already been redeemed');
      await this.entitlements.refresh(tx, tenantId, reader.key, now);
      await this.outbox.add(tx, GiftRedeemed, {
        tenantId,
        subject: gift.id,
        time: now,
        data: {
          giftId: gift.id,
          planId: gift.planId,
          productId: gift.productId,
          months: gift.months,
          providerCheckoutId: gift.providerCheckoutId,
          ...(gift.paymentId ? { paymentId: gift.paymentId } : {}),
          redeemedAt: now.toISOString(),
          servicePeriodStart: now.toISOString(),
          servicePeriodEnd: until.toISOString(),
        },
      });
      const product = await this.catalog.findProductOfTenant(tenantId, gift.productId);
      return {
        giftId: gift.id,
        months: gift.months,
        entitlements: product?.entitlements ?? [],
        redeemedAt: now.toISOString(),
        until: until.toISOString(),
        message: gift.message,
      };
    });
  }

  /** The gifts a reader redeemed, lapsed ones too, read inside the caller's transaction. */
  async heldBy(tx: EntityManager, tenantId: string, readerKey: string): Promise<HeldGift[]> {
    return (await this.gifts.findRedeemedBy(tx, tenantId, readerKey)).map((gift) => ({
      source: 'gift',
      id: gift.id,
      months: gift.months,
      until: gift.redeemedUntil!,
      productId: gift.productId,
    }));
  }

  private withCode(gift: Gift, code: string, now: Date): CreatedGiftView {
    return { gift: toGiftView(gift, now), claimCode: code, claimUrl: `${this.publicBaseUrl}/gift/${code}` };
  }
}
