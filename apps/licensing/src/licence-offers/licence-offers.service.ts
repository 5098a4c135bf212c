import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditTrail,
  ConflictError,
  currentContext,
  EventOutbox,
  NotFoundError,
  ValidationFailedError,
} from '@libs/common';
import {
  CreateLicenceOfferRequest,
  LicenceOfferPublished,
  LicenceOfferRevisionSummary,
  LicenceOfferRevisionView,
  LicenceOfferSummary,
  LicenceOfferView,
  UpdateLicenceOfferRequest,
} from '@libs/contracts';
import { licenceOfferRevisionIri } from '../odrl/agency-iris';
import { defaultLicenceOffers } from './default-licence-offers';
import { LicenceOffer } from './licence-offer.entity';
import { LicenceOfferRepository } from './licence-offer.repository';
import { LicenceOfferRevision } from './licence-offer-revision.entity';
import { LicenceOfferRevisionRepository } from './licence-offer-revision.repository';
import { offerPolicy, revisionPolicy } from './offer-policy';

/**
 * Licence offers: ODRL Offers an agency edits as drafts and publishes as immutable revisions,
 * the way the paywall keeps its policies. Every draft written is valid ODRL 2.2 (a bad one is a
 * 400 naming the term, and nothing is written); each change is audited; each revision is
 * announced (LicenceOfferPublished) with the policy licensees are offered.
 */
@Injectable()
export class LicenceOffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: LicenceOfferRepository,
    private readonly revisions: LicenceOfferRevisionRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  async list(tenantId: string): Promise<LicenceOfferSummary[]> {
    return (await this.offers.findAllOfTenant(tenantId)).map(toSummary);
  }

  async get(tenantId: string, id: string): Promise<LicenceOfferView> {
    return toView(await this.found(tenantId, id));
  }

  async create(tenantId: string, request: CreateLicenceOfferRequest): Promise<LicenceOfferView> {
    const id = randomUUID();
    const policy = offerPolicy(tenantId, id, request.policy);
    return this.dataSource.transaction(async (tx) => {
      const row = {
        id,
        tenantId,
        name: request.name,
        policy,
        draftVersion: 1,
        publishedRevision: null,
        publishedDraftVersion: null,
      };
      const saved = await this.offers.insert(tx, row);
      await this.record(tx, saved, 'licence-offer.created', null);
      return toView(saved);
    });
  }

  async update(tenantId: string, request: UpdateLicenceOfferRequest): Promise<LicenceOfferView> {
    if (request.name === undefined && request.policy === undefined)
      throw new ValidationFailedError([{ field: 'policy', message: 'give the new policy, the new name, or both' }]);
    const policy = request.policy && offerPolicy(tenantId, request.id, request.policy);
    return this.dataSource.transaction(async (tx) => {
      const offer = await this.locked(tx, tenantId, request.id, request.basedOnDraftVersion);
      const before = { name: offer.name, draftVersion: offer.draftVersion, policy: offer.policy };
      offer.name = request.name ?? offer.name;
      offer.policy = policy ?? offer.policy;
      offer.draftVersion += 1;
      const saved = await this.offers.save(tx, offer);
      await this.record(tx, saved, 'licence-offer.updated', before);
      return toView(saved);
    });
  }

  async publish(tenantId: string, id: string, basedOnDraftVersion?: number): Promise<LicenceOfferRevisionView> {
    return this.dataSource.transaction(async (tx) => {
      const offer = await this.locked(tx, tenantId, id, basedOnDraftVersion);
      if (offer.publishedDraftVersion === offer.draftVersion)
        throw new ConflictError(
          `the draft has not changed since revision ${offer.publishedRevision}: nothing to publish`,
        );
      return toRevisionView(await this.append(tx, offer, true));
    });
  }

  async revisionsOf(tenantId: string, id: string): Promise<LicenceOfferRevisionSummary[]> {
    await this.found(tenantId, id);
    return (await this.revisions.listOfOffer(tenantId, id)).map(toRevisionSummary);
  }

  async revision(tenantId: string, id: string, revision: number): Promise<LicenceOfferRevisionView> {
    const found = await this.revisions.findOne(tenantId, id, revision);
    if (!found) throw new NotFoundError('licence offer revision', `${id}/${revision}`);
    return toRevisionView(found);
  }

  /** A new agency's offers (not audited: the system sets them up), the reservations published at once. */
  async provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    for (const offer of defaultLicenceOffers(tenantId)) {
      const id = randomUUID();
      const row = {
        id,
        tenantId,
        name: offer.name,
        policy: offerPolicy(tenantId, id, offer.policy),
        draftVersion: 1,
        publishedRevision: null,
        publishedDraftVersion: null,
      };
      const saved = await this.offers.insert(tx, row);
      if (offer.published) await this.append(tx, saved, false);
    }
  }

  /** The draft becomes the next revision: written, announced and (unless the system did it) audited. */
  private async append(tx: EntityManager, offer: LicenceOffer, audited: boolean): Promise<LicenceOfferRevision> {
    const revision = (offer.publishedRevision ?? 0) + 1;
    const saved = await this.revisions.insert(tx, {
      offerId: offer.id,
      revision,
      tenantId: offer.tenantId,
      name: offer.name,
      policy: revisionPolicy(offer.policy, licenceOfferRevisionIri(offer.tenantId, offer.id, revision)),
      actor: currentContext()?.actor ?? 'licensing',
    });
    offer.publishedRevision = revision;
    offer.publishedDraftVersion = offer.draftVersion;
    await this.offers.save(tx, offer);
    const data = {
      offerId: offer.id,
      revision,
      name: saved.name,
      policy: saved.policy,
      publishedAt: saved.publishedAt.toISOString(),
    };
    await this.outbox.add(tx, LicenceOfferPublished, { tenantId: offer.tenantId, subject: offer.id, data });
    if (audited)
      await this.record(tx, offer, 'licence-offer.published', null, {
        revision,
        name: saved.name,
        policy: saved.policy,
      });
    return saved;
  }

  private async found(tenantId: string, id: string): Promise<LicenceOffer> {
    const offer = await this.offers.findOneOfTenant(tenantId, id);
    if (!offer) throw new NotFoundError('licence offer', id);
    return offer;
  }

  private async locked(tx: EntityManager, tenantId: string, id: string, basedOn?: number): Promise<LicenceOffer> {
    const offer = await this.offers.lockOneOfTenant(tx, tenantId, id);
    if (!offer) throw new NotFoundError('licence offer', id);
    if (basedOn !== undefined && basedOn !== offer.draftVersion)
      throw new ConflictError(
        `the draft changed since version ${basedOn} (now ${offer.draftVersion}); reload and try again`,
      );
    return offer;
  }

  private record(
    tx: EntityManager,
    offer: LicenceOffer,
    action: string,
    before: object | null,
    after?: object,
  ): Promise<void> {
    return this.audit.record(tx, {
      tenantId: offer.tenantId,
      action,
      targetType: 'licence-offer',
      targetId: offer.id,
      before,
      after: after ?? { name: offer.name, draftVersion: offer.draftVersion, policy: offer.policy },
    });
  }
}

function toSummary(offer: LicenceOffer): LicenceOfferSummary {
  return {
    id: offer.id,
    name: offer.name,
    status: offer.publishedRevision === null ? 'draft' : 'published',
    publishedRevision: offer.publishedRevision,
    draftVersion: offer.draftVersion,
    hasUnpublishedChanges: offer.publishedDraftVersion !== offer.draftVersion,
    updatedAt: offer.updatedAt.toISOString(),
  };
}

function toView(offer: LicenceOffer): LicenceOfferView {
  return { ...toSummary(offer), policy: offer.policy, createdAt: offer.createdAt.toISOString() };
}

function toRevisionSummary(revision: LicenceOfferRevision): LicenceOfferRevisionSummary {
  const uid = revision.policy.uid ?? revision.policy['@id'];
  return {
    revision: revision.revision,
    name: revision.name,
    policyUid: typeof uid === 'string' ? uid : '',
    actor: revision.actor,
    publishedAt: revision.publishedAt.toISOString(),
  };
}

function toRevisionView(revision: LicenceOfferRevision): LicenceOfferRevisionView {
  return { ...toRevisionSummary(revision), offerId: revision.offerId, policy: revision.policy };
}
