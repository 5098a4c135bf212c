import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import { CreatedGiftView, CreateGiftRequest, GiftRedemptionView, GiftStatus, GiftView, RedeemGiftRequest } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { readerKeyOf } from '../customers/reader-key';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { addCalendarMonths } from './calendar-months';
import { canonicalGiftCode, hashGiftCode, newGiftCode } from './gift-code';
import { Gift } from './gift.entity';
import { GiftsRepository } from './gifts.repository';

/** A gift not redeemed within this many months of its purchase can no longer be. */
const REDEEMABLE_MONTHS = 12;

/**
 * Gifts of N months of a plan's product: bought once (payment happens outside the suite for
 * now; the agency records its own reference), redeemed once by a reader, who then holds the
 * product's entitlements for N calendar months. Not a provider subscription: nothing renews.
 */
@Injectable()
export class GiftsService {
  private readonly publicBaseUrl: string;

  constructor(
    private readonly gifts: GiftsRepository,
    private readonly catalog: CatalogRepository,
    private readonly entitlements: EntitlementsService,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.publicBaseUrl = (options.env as SubscriptionsEnv).PUBLIC_BASE_URL;
  }

  async create(tenantId: string, request: CreateGiftRequest): Promise<CreatedGiftView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, request.planId);
    if (!plan?.active) throw new NotFoundError('plan', request.planId);
    const now = new Date();
    const { code, hash, last4 } = newGiftCode();
    const gift: Gift = {
      id: randomUUID(), tenantId, planId: plan.id, productId: plan.productId, months: request.months,
      purchaserEmail: request.purchaserEmail.toLowerCase(), recipientEmail: request.recipientEmail?.toLowerCase() ?? null,
      message: request.message ?? null, paymentReference: request.paymentReference ?? null,
      codeHash: hash, codeLast4: last4, redeemBy: addCalendarMonths(now, REDEEMABLE_MONTHS),
      redeemedAt: null, redeemerKey: null, redeemerReaderId: null, redeemerEmail: null, redeemedUntil: null, createdAt: now,
    };
    await this.gifts.insert(gift);
    return { gift: toGiftView(gift, now), claimCode: code, claimUrl: `${this.publicBaseUrl}/gift/${code}` };
  }

  async list(tenantId: string): Promise<GiftView[]> {
    const now = new Date();
    return (await this.gifts.findOfTenant(tenantId)).map((gift) => toGiftView(gift, now));
  }

  async get(tenantId: string, id: string): Promise<GiftView> {
    const gift = await this.gifts.findOneOfTenant(tenantId, id);
    if (!gift) throw new NotFoundError('gift', id);
    return toGiftView(gift, new Date());
  }

  /**
   * Redeems once. The gift row stays locked from the check to the commit, so of two concurrent
   * redemptions the second sees the first and is refused; the reader's entitlements and their
   * event are written in the same transaction. A code of another agency is simply not found.
   */
  async redeem(tenantId: string, request: RedeemGiftRequest): Promise<GiftRedemptionView> {
    const canonical = canonicalGiftCode(request.code);
    if (!canonical) throw new NotFoundError('gift code');
    const reader = { key: readerKeyOf(request), readerId: request.readerId ?? null, email: request.email?.toLowerCase() ?? null };
    return this.dataSource.transaction(async (tx) => {
      const gift = await this.gifts.lockByCodeHash(tx, tenantId, hashGiftCode(canonical));
      if (!gift) throw new NotFoundError('gift code');
      const now = new Date();
      if (gift.redeemedAt) throw new ConflictError('this gift code has already been redeemed');
      if (gift.redeemBy.getTime() <= now.getTime()) throw new ConflictError(`this gift code could be redeemed until ${gift.redeemBy.toISOString()}`);
      const until = addCalendarMonths(now, gift.months);
      const redeemed = await this.gifts.markRedeemed(tx, tenantId, gift.id, {
        redeemedAt: now, redeemerKey: reader.key, redeemerReaderId: reader.readerId, redeemerEmail: reader.email, redeemedUntil: until,
      });
      if (!redeemed) throw new ConflictError('this gift code has already been redeemed');
      await this.entitlements.refresh(tx, tenantId, reader.key, now);
      const product = await this.catalog.findProductOfTenant(tenantId, gift.productId);
      return {
        giftId: gift.id, months: gift.months, entitlements: product?.entitlements ?? [], redeemedAt: now.toISOString(),
        until: until.toISOString(), message: gift.message,
      };
    });
  }
}

function statusOf(gift: Gift, now: Date): GiftStatus {
  if (gift.redeemedAt) return 'redeemed';
  return gift.redeemBy.getTime() <= now.getTime() ? 'expired' : 'unredeemed';
}

function toGiftView(gift: Gift, now: Date): GiftView {
  return {
    id: gift.id, planId: gift.planId, productId: gift.productId, months: gift.months, purchaserEmail: gift.purchaserEmail,
    recipientEmail: gift.recipientEmail, message: gift.message, paymentReference: gift.paymentReference, codeLast4: gift.codeLast4,
    status: statusOf(gift, now), redeemBy: gift.redeemBy.toISOString(), redeemedAt: gift.redeemedAt?.toISOString() ?? null,
    redeemedBy: gift.redeemedAt ? { readerId: gift.redeemerReaderId, email: gift.redeemerEmail } : null,
    redeemedUntil: gift.redeemedUntil?.toISOString() ?? null, createdAt: gift.createdAt.toISOString(),
  };
}
