import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import { OfferAnswer, OfferInput, OfferRevisionSummary, OffersChanged, OfferSetView, OfferView, ReplaceOffersRequest } from '@libs/contracts';
import { normalizeConditions } from '../policies/policy-rules';
import { appendRevision } from '../revisions/agency-revisions';
import { OfferRevision } from './offer-revision.entity';
import { OfferRevisionsRepository } from './offer-revisions.repository';

/**
 * An agency's ordered paywall offers, one immutable revision per change, announced
 * (OffersChanged) and audited like the policies.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revisions: OfferRevisionsRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  async current(tenantId: string): Promise<OfferSetView> {
    const current = await this.revisions.current(tenantId);
    return current ? toSetView(current) : { revision: 0, offers: [], actor: 'paywall', restoredFrom: null, createdAt: null };
  }

  async list(tenantId: string): Promise<OfferRevisionSummary[]> {
    return (await this.revisions.list(tenantId)).map(({ revision, offers, actor, restoredFrom, createdAt }) => ({
      revision, offerCount: offers.length, actor, restoredFrom, createdAt: createdAt.toISOString(),
    }));
  }

  async replace(tenantId: string, request: ReplaceOffersRequest): Promise<OfferSetView> {
    const offers = normalizeOffers(request.offers);
    return this.dataSource.transaction(async (tx) => toSetView(await this.append(tx, tenantId, offers, null, request.basedOnRevision)));
  }

  async restore(tenantId: string, revision: number): Promise<OfferSetView> {
    const old = await this.revisions.one(tenantId, revision);
    if (!old) throw new NotFoundError('offer revision', String(revision));
    return this.dataSource.transaction(async (tx) => toSetView(await this.append(tx, tenantId, old.offers, revision)));
  }

  private append(tx: EntityManager, tenantId: string, offers: OfferView[], restoredFrom: number | null, basedOn?: number): Promise<OfferRevision> {
    const parts = { revisions: this.revisions, outbox: this.outbox, audit: this.audit, changed: OffersChanged };
    return appendRevision(tx, parts, { tenantId, key: 'offers', items: offers, restoredFrom, basedOn, audited: true });
  }
}

/** Fills defaults and checks what the shape cannot (ids once each), so the decision never guesses. */
export function normalizeOffers(inputs: OfferInput[]): OfferView[] {
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  const offers = inputs.map((input, index): OfferView => {
    if (input.id && seen.has(input.id)) errors.push({ field: `offers[${index}].id`, message: 'each offer id may appear once' });
    if (input.id) seen.add(input.id);
    const conditions = normalizeConditions(input.conditions ?? {});
    return {
      id: input.id ?? randomUUID(), name: input.name, planIds: [...new Set(input.planIds)], couponCode: input.couponCode ?? null,
      copy: { vi: { ...input.copy.vi }, en: { ...input.copy.en } }, conditions, appliesTo: [...new Set<OfferAnswer>(input.appliesTo ?? ['block', 'register'])],
    };
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return offers;
}

function toSetView(revision: OfferRevision): OfferSetView {
  return { revision: revision.revision, offers: revision.offers, actor: revision.actor, restoredFrom: revision.restoredFrom, createdAt: revision.createdAt.toISOString() };
}
