import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, EventOutbox, NotFoundError, RpcClient, ValidationFailedError } from '@libs/common';
import {
  FieldError,
  ListCoupons,
  ListPlans,
  OfferRevisionSummary,
  OfferRevisionPublished,
  OfferSetView,
  OfferView,
  PlanView,
  ReplaceOffersRequest,
} from '@libs/contracts';
import { appendRevision } from '../revisions/append-revision';
import { normalizeOffers } from './normalize-offers';
import { OfferRevision } from './offer-revision.entity';
import { OfferRevisionRepository } from './offer-revision.repository';

/** MoMo, VNPay and payOS all settle in VND alone. */
const RAIL_CURRENCY = 'VND';

/**
 * An agency's ordered paywall offers, one immutable revision per change, announced
 * (OfferRevisionPublished) and audited like the policies.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revisions: OfferRevisionRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
    private readonly rpc: RpcClient,
  ) {}

  async current(tenantId: string): Promise<OfferSetView> {
    const current = await this.revisions.current(tenantId);
    return current
      ? toSetView(current)
      : { revision: 0, offers: [], actor: 'paywall', restoredFrom: null, createdAt: null };
  }

  async list(tenantId: string): Promise<OfferRevisionSummary[]> {
    return (await this.revisions.list(tenantId)).map(({ revision, offers, actor, restoredFrom, createdAt }) => ({
      revision,
      offerCount: offers.length,
      actor,
      restoredFrom,
      createdAt: createdAt.toISOString(),
    }));
  }

  async replace(caller: Caller, request: ReplaceOffersRequest): Promise<OfferSetView> {
    const tenantId = caller.tenantId;
    const offers = normalizeOffers(request.offers);
    await this.refuseWhatCheckoutWouldRefuse(offers, caller);
    return this.dataSource.transaction(async (tx) =>
      toSetView(await this.append(tx, tenantId, offers, null, request.basedOnRevision)),
    );
  }

  async restore(caller: Caller, revision: number): Promise<OfferSetView> {
    const tenantId = caller.tenantId;
    const old = await this.revisions.one(tenantId, revision);
    if (!old) throw new NotFoundError('offer revision', String(revision));
    await this.refuseWhatCheckoutWouldRefuse(old.offers, caller);
    return this.dataSource.transaction(async (tx) => toSetView(await this.append(tx, tenantId, old.offers, revision)));
  }

  /**
   * An offer's button opens checkout with its plans and promotion code: a plan the agency does
   * not sell (any more), a code that is not redeemable, or a plan a rail checkout cannot sell
   * would fail there, in front of a reader, so it is refused here, naming the field. The catalog
   * is the subscriptions service's.
   */
  private async refuseWhatCheckoutWouldRefuse(offers: OfferView[], caller: Caller): Promise<void> {
    const plans = new Map((await this.rpc.request(ListPlans, {}, caller)).items.map((plan) => [plan.id, plan]));
    const wantsCodes = offers.some((offer) => offer.couponCode !== null);
    const coupons = wantsCodes ? (await this.rpc.request(ListCoupons, {}, caller)).items : [];
    const errors: FieldError[] = [];
    offers.forEach((offer, index) => {
      offer.planIds.forEach((planId, at) => {
        const field = `offers[${index}].planIds[${at}]`;
        const plan = plans.get(planId);
        if (!plan) errors.push({ field, message: `the agency has no plan ${planId}` });
        else if (!plan.active) errors.push({ field, message: `plan ${plan.name} is no longer sold` });
        else if (offer.checkout === 'rails') {
          const refusal = railCheckoutRefusal(plan);
          if (refusal) errors.push({ field, message: refusal });
        }
      });
      if (offer.couponCode === null) return;
      const coupon = coupons.find((candidate) => candidate.codes.includes(offer.couponCode!));
      if (!coupon)
        errors.push({ field: `offers[${index}].couponCode`, message: `no promotion code ${offer.couponCode}` });
      else if (!coupon.valid)
        errors.push({
          field: `offers[${index}].couponCode`,
          message: `promotion code ${offer.couponCode} can no longer be redeemed`,
        });
    });
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  private append(
    tx: EntityManager,
    tenantId: string,
    offers: OfferView[],
    restoredFrom: number | null,
    basedOn?: number,
  ): Promise<OfferRevision> {
    const parts = {
      revisions: this.revisions,
      outbox: this.outbox,
      audit: this.audit,
      changed: OfferRevisionPublished,
    };
    return appendRevision(tx, parts, { tenantId, key: 'offers', items: offers, restoredFrom, basedOn, audited: true });
  }
}

/** Why a rail checkout of this plan would fail in front of the reader, or null. */
function railCheckoutRefusal(plan: PlanView): string | null {
  if (plan.trialDays > 0) return `plan ${plan.name} has a trial, which cannot be bought on the rails yet`;
  if (plan.currentPrice.currency !== RAIL_CURRENCY)
    return `plan ${plan.name} is priced in ${plan.currentPrice.currency}; the rails take ${RAIL_CURRENCY} only`;
  return null;
}

function toSetView(revision: OfferRevision): OfferSetView {
  return {
    revision: revision.revision,
    offers: revision.offers,
    actor: revision.actor,
    restoredFrom: revision.restoredFrom,
    createdAt: revision.createdAt.toISOString(),
  };
}
