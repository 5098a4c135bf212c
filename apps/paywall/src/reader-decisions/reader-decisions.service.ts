import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { NotFoundError, ReaderTokens } from '@libs/common';
import {
  ArticleStructuredData,
  DecisionAnswer,
  DecisionFields,
  DecisionPreview,
  DecisionPreviewRequest,
  DecisionRequest,
  encodeCheckoutReference,
  IpAddress,
  OfferLanguage,
  OfferView,
  parseIpAddress,
  readerKeyOf,
} from '@libs/contracts';
import { ExperimentCounters } from '../experiments/experiment-counters';
import { activeEntitlements } from '../memory/active-entitlements';
import { articleAccess } from '../memory/article-access';
import type { LiveExperiment } from '../memory/live-experiment';
import { PaywallMemory } from '../memory/paywall-memory';
import type { SiteEntry } from '../memory/site-entry';
import type { TenantMemory } from '../memory/tenant-memory';
import { ReaderMeters } from '../reader-meters/reader-meters';
import { AgencyNotReadyError } from './agency-not-ready.error';
import { conditionsHold, decide } from '../decisions/decide';
import type {
  Access,
  ArticleAccess,
  Decision,
  MeteredRead,
  PaywallPolicy,
  ReaderContext,
  ReaderSegment,
} from '../decisions/decision-types';
import { MeterTokens } from '../decisions/meter-tokens';

import { structuredDataOf } from '../decisions/structured-data';

interface ReaderIdentity {
  readerKey: string | null;
  /** Who experiments place: the account, else the anonymous reader. */
  readerId: string;
  address: IpAddress | null;
  reads: readonly MeteredRead[];
}

interface Evaluated {
  decision: Decision;
  segment: ReaderSegment;
  today: number;
  article: ArticleAccess;
  offer: OfferView | null;
  chosen: { experiment: LiveExperiment; arm: number } | null;
  lang: OfferLanguage;
}

/**
 * Decides for one page view from memory only: no database, no NATS round trip. The same answer
 * serves every channel (the public endpoint, server rendering, newsletters): from what the
 * instance holds (`PaywallMemory`, readers' meters, experiment arms) to `decide()` and back.
 */
@Injectable()
export class ReaderDecisionsService {
  constructor(
    private readonly memory: PaywallMemory,
    private readonly meterTokens: MeterTokens,
    private readonly readerTokens: ReaderTokens,
    private readonly readerMeters: ReaderMeters,
    private readonly experiments: ExperimentCounters,
  ) {}

  /** Schema.org paywall markup for an article, from the site's policies (see `structuredDataOf`). */
  structuredData(site: SiteEntry, articleId: string, cssSelector: string, now = Date.now()): ArticleStructuredData {
    const tenant = this.memory.tenant(site.tenantId);
    if (!tenant || tenant.policyRevision === 0)
      throw new AgencyNotReadyError(`the paywall of this agency is not loaded yet`);
    const known = tenant.articles.get(articleId);
    const article =
      known && (known.siteId === null || known.siteId === site.siteId) ? known.access : articleAccess(articleId, null);
    return structuredDataOf(
      article,
      tenant.policiesFor(site.siteId),
      { now, today: tenant.calendar.dayOf(now) },
      cssSelector,
    );
  }

  decide(site: SiteEntry, request: DecisionRequest, clientIp: string | null, now = Date.now()): DecisionAnswer {
    const tenant = this.loaded(site.tenantId);
    const readerKey = request.readerToken
      ? this.readerTokens.readerKeyOf(request.readerToken, site.tenantId, now)
      : null;
    const anonymous = request.meterToken ? this.meterTokens.read(request.meterToken, site.tenantId) : null;
    const anonymousId = anonymous?.anonymousId ?? request.anonymousId ?? newAnonymousId();
    let reads: readonly MeteredRead[];
    if (readerKey) {
      // On login, what the reader read anonymously joins the account's meter (once: a re-read never counts twice).
      if (anonymous && anonymous.reads.length > 0) this.readerMeters.merge(site.tenantId, readerKey, anonymous.reads);
      reads = this.readerMeters.readsOf(site.tenantId, readerKey);
    } else {
      reads = anonymous?.reads ?? [];
    }
    const address = clientIp && tenant.addressGrants.size > 0 ? parseIpAddress(clientIp) : null;
    const evaluated = this.evaluate(
      tenant,
      site.siteId,
      request,
      { readerKey, readerId: readerKey ?? anonymousId, address, reads },
      now,
    );
    const { decision, chosen, today, article } = evaluated;
    if (chosen) this.experiments.impression(site.tenantId, chosen.experiment, chosen.arm);
    const read: MeteredRead = { article: article.meterKey, section: article.sectionKey, day: today };
    let meterToken: string | null = null;
    if (readerKey) {
      if (decision.counts) this.readerMeters.record(site.tenantId, readerKey, read);
    } else if (decision.counts || !anonymous) {
      meterToken = this.meterTokens.issue(
        { tenantId: site.tenantId, anonymousId, reads: decision.counts ? [...reads, read] : reads },
        today,
      );
    } else {
      // Nothing counted: the reader's own (valid) token still says it all; no need to sign anew.
      meterToken = request.meterToken!;
    }
    return { ...this.answerOf(evaluated, request), anonymousId, meterToken };
  }

  /**
   * What each article would be for a reader, without reading it: nothing is counted, no meter
   * moves, no experiment impression is recorded. For newsletters and server rendering ahead of
   * a read. A reader named by neither id nor email is an anonymous reader with nothing read yet.
   */
  preview(tenantId: string, request: DecisionPreviewRequest, now = Date.now()): DecisionPreview[] {
    const site = this.memory.siteById(request.siteId);
    if (!site || site.tenantId !== tenantId) throw new NotFoundError('site', request.siteId);
    const readerKey = request.readerId || request.email ? readerKeyOf(request) : null;
    const { country, lang } = request;
    const tenant = this.loaded(site.tenantId);
    const reads = readerKey ? this.readerMeters.readsOf(site.tenantId, readerKey) : [];
    return request.articleIds.map((articleId) => {
      const article: DecisionRequest = { articleId, country, lang };
      const evaluated = this.evaluate(
        tenant,
        site.siteId,
        article,
        { readerKey, readerId: readerKey ?? 'preview', address: null, reads },
        now,
      );
      return { articleId, ...this.answerOf(evaluated, article) };
    });
  }

  private loaded(tenantId: string): TenantMemory {
    const tenant = this.memory.tenant(tenantId);
    if (!tenant || tenant.policyRevision === 0)
      throw new AgencyNotReadyError(`the paywall of this agency is not loaded yet`);
    return tenant;
  }

  /** The decision, its offer and experiment arm: everything but what a read changes. */
  private evaluate(
    tenant: TenantMemory,
    siteId: string,
    request: DecisionRequest,
    who: ReaderIdentity,
    now: number,
  ): Evaluated {
    const entitlements = activeEntitlements(tenant, who.readerKey, who.address, now);
    const segment: ReaderSegment = entitlements.viaSubscription
      ? 'subscriber'
      : entitlements.viaGroup
        ? 'group-member'
        : who.readerKey
          ? 'registered'
          : 'anonymous';
    const today = tenant.calendar.dayOf(now);
    const known = tenant.articles.get(request.articleId);
    const article =
      known && (known.siteId === null || known.siteId === siteId)
        ? known.access
        : articleAccess(request.articleId, request.section ?? null);
    const reader: ReaderContext = {
      segment,
      entitlements: entitlements.keys,
      country: request.country ?? null,
      device: request.device ?? 'desktop',
      referrerHost: hostOf(request.referrer),
    };
    // A running meter-limit experiment on one of the site's policies decides with the arm's limit.
    let policies: PaywallPolicy[] = tenant.policiesFor(siteId);
    let meterArm: { experiment: LiveExperiment; arm: number } | null = null;
    for (const experiment of tenant.meterExperiments) {
      const arm = this.experiments.assign(experiment, who.readerId);
      const inArm = tenant.policiesInArm(siteId, experiment, arm);
      if (!inArm) continue;
      policies = inArm;
      meterArm = { experiment, arm };
      break;
    }
    const decision = decide({ article, today, now, reads: who.reads, policies, reader });
    let chosen = meterArm && decision.policyId === meterArm.experiment.view.policyId ? meterArm : null;
    let offer: OfferView | null = null;
    if (decision.access !== 'allow') {
      if (!chosen) {
        const offered = this.offerExperiment(tenant, decision.access, article, reader, who.readerId);
        if (offered) [chosen, offer] = [offered.chosen, offered.offer];
      }
      offer ??= tenant.offers.find((candidate) => offerApplies(candidate, decision.access, article, reader)) ?? null;
    }
    return { decision, segment, today, article, offer, chosen, lang: tenant.locale };
  }

  private answerOf(evaluated: Evaluated, request: DecisionRequest): DecisionFields {
    const { decision, segment, offer, chosen } = evaluated;
    const lang = request.lang ?? evaluated.lang;
    return {
      access: decision.access,
      reason: decision.reason,
      remaining: decision.remaining,
      policyId: decision.policyId,
      segment,
      offer: offer && {
        id: offer.id,
        ...offer.copy[lang],
        planIds: offer.planIds,
        couponCode: offer.couponCode,
        checkout: offer.checkout,
        rails: offer.rails,
      },
      variant: chosen && { experimentId: chosen.experiment.view.id, arm: chosen.experiment.view.arms[chosen.arm].name },
      checkoutReference:
        decision.access === 'allow'
          ? null
          : encodeCheckoutReference({
              articleId: request.articleId,
              offerId: offer?.id ?? null,
              experimentId: chosen?.experiment.view.id ?? null,
              arm: chosen?.arm ?? null,
            }),
    };
  }

  /** The first running offer experiment whose arm's offer applies to this answer. */
  private offerExperiment(
    tenant: TenantMemory,
    access: Access,
    article: ArticleAccess,
    reader: ReaderContext,
    readerId: string,
  ) {
    for (const experiment of tenant.offerExperiments) {
      const arm = this.experiments.assign(experiment, readerId);
      const offerId = experiment.view.arms[arm].offerId;
      const offer = tenant.offers.find((candidate) => candidate.id === offerId);
      if (offer && offerApplies(offer, access, article, reader)) return { chosen: { experiment, arm }, offer };
    }
    return null;
  }
}

function offerApplies(offer: OfferView, access: Access, article: ArticleAccess, reader: ReaderContext): boolean {
  return (
    access !== 'allow' &&
    (offer.appliesTo as string[]).includes(access) &&
    conditionsHold(offer.conditions, { article, reader })
  );
}

const ANONYMOUS_ID_BYTES = 16;
/** Random bytes for this many ids are drawn at once: one call to the generator, not one per new reader. */
const IDS_PER_DRAW = 256;
let randomPool = Buffer.alloc(0);
let poolAt = 0;

/** 128 random bits in 22 characters (a UUID's randomness without its length in every token). */
function newAnonymousId(): string {
  if (poolAt === randomPool.length) {
    randomPool = randomBytes(ANONYMOUS_ID_BYTES * IDS_PER_DRAW);
    poolAt = 0;
  }
  poolAt += ANONYMOUS_ID_BYTES;
  return randomPool.toString('base64url', poolAt - ANONYMOUS_ID_BYTES, poolAt);
}

function hostOf(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).hostname.toLowerCase();
  } catch {
    return null;
  }
}
