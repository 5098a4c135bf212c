import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AddressGrantChangedEvent,
  ArticleChangedEvent,
  cidrContains,
  CidrRange,
  EntitlementGrant,
  ExperimentView,
  IpAddress,
  OfferLanguage,
  OfferView,
  parseCidrRange,
  PolicyView,
} from '@libs/contracts';
import type { ArmCounts } from '../experiments/arm-allocation';
import { LocalCalendar } from '../decisions/local-calendar';
import { ARTICLE_KEY_BYTES, SECTION_KEY_BYTES } from '../decisions/meter-token';
import type { ArticleAccess, PaywallPolicy } from '../decisions/paywall-rules';
import { toPaywallPolicy } from '../policies/policy-rules';

export interface SiteEntry {
  tenantId: string;
  siteId: string;
  version: number;
}

interface Grant {
  key: string;
  until: number;
  source: EntitlementGrant['source'];
}

interface AddressGrant {
  version: number;
  ranges: CidrRange[];
  entitlements: readonly string[];
  validUntil: number;
}

interface ArticleEntry {
  access: ArticleAccess;
  siteId: string | null;
  version: number;
}

/** An experiment as decisions use it: its arms' weights and what this instance knows of their traffic. */
export interface LiveExperiment {
  view: ExperimentView;
  /** Shares of readers per arm: the configured split, or under Thompson the probability each arm is best. */
  weights: number[];
  /** Under Thompson: the reweighing period `weights` were computed for. */
  weighedInPeriod?: number;
  counts: ArmCounts[];
  /** Per site and arm: the site's policies with the arm's meter limit (meter-limit experiments). */
  policiesBySite: Map<string, PaywallPolicy[][]>;
}

/** One agency, as a paywall instance holds it. */
export class TenantMemory {
  locale: OfferLanguage = 'vi';
  offerRevision = 0;
  offers: OfferView[] = [];
  readonly experiments = new Map<string, LiveExperiment>();
  /** Running experiments, oldest first: the first that applies to a decision is the one it is in. */
  meterExperiments: LiveExperiment[] = [];
  offerExperiments: LiveExperiment[] = [];
  policyRevision = 0;
  private policies: (PaywallPolicy & { siteId: string | null; active: boolean })[] = [];
  private readonly policiesBySite = new Map<string, PaywallPolicy[]>();
  readonly articles = new Map<string, ArticleEntry>();
  readonly readers = new Map<string, { version: number; grants: Grant[] }>();
  readonly addressGrants = new Map<string, AddressGrant>();

  constructor(public calendar: LocalCalendar) {}

  setPolicies(revision: number, views: PolicyView[]): void {
    if (revision <= this.policyRevision) return;
    this.policyRevision = revision;
    this.policies = views.map((view) => ({ ...toPaywallPolicy(view), siteId: view.siteId, active: view.active }));
    this.policiesBySite.clear();
    for (const experiment of this.experiments.values()) experiment.policiesBySite.clear();
  }

  setOffers(revision: number, offers: OfferView[]): void {
    if (revision <= this.offerRevision) return;
    this.offerRevision = revision;
    this.offers = offers;
  }

  setExperiment(view: ExperimentView): void {
    const held = this.experiments.get(view.id);
    if (held && held.view.version >= view.version) return;
    const counts = held?.counts ?? view.arms.map(() => ({ impressions: 0, conversions: 0, revenue: 0 }));
    // Thompson experiments start even and follow the evidence (`ExperimentCounters` reweighs them).
    const weights =
      view.allocation === 'split' ? view.arms.map((arm) => arm.weight) : (held?.weights ?? view.arms.map(() => 1));
    this.experiments.set(view.id, {
      view,
      weights,
      weighedInPeriod: held?.weighedInPeriod,
      counts,
      policiesBySite: new Map(),
    });
    const running = [...this.experiments.values()]
      .filter((e) => e.view.status === 'running')
      .sort((a, b) => a.view.createdAt.localeCompare(b.view.createdAt));
    this.meterExperiments = running.filter((e) => e.view.target === 'meter-limit');
    this.offerExperiments = running.filter((e) => e.view.target === 'offer');
  }

  /** The site's policies with the arm's limit on the experiment's policy; null when the site does not use that policy. */
  policiesInArm(siteId: string, experiment: LiveExperiment, arm: number): PaywallPolicy[] | null {
    let byArm = experiment.policiesBySite.get(siteId);
    if (!byArm) {
      const policies = this.policiesFor(siteId);
      const at = policies.findIndex(
        (policy) => policy.id === experiment.view.policyId && policy.rule.kind === 'metered',
      );
      byArm =
        at < 0
          ? []
          : experiment.view.arms.map((armView) =>
              policies.map((policy, index) =>
                index === at && policy.rule.kind === 'metered'
                  ? { ...policy, rule: { ...policy.rule, limit: armView.limit ?? policy.rule.limit } }
                  : policy,
              ),
            );
      experiment.policiesBySite.set(siteId, byArm);
    }
    return byArm[arm] ?? null;
  }

  /** The site's active policies in order (agency-wide ones included), computed once per revision. */
  policiesFor(siteId: string): PaywallPolicy[] {
    let found = this.policiesBySite.get(siteId);
    if (!found) {
      found = this.policies.filter((policy) => policy.active && (policy.siteId === null || policy.siteId === siteId));
      this.policiesBySite.set(siteId, found);
    }
    return found;
  }
}

/**
 * Everything a paywall instance decides from, in memory: sites by publishable key, agencies'
 * calendars and policies, articles, and who is entitled to what. Filled from the database at
 * start and kept fresh by events; every `apply…` ignores anything older than what it holds, so
 * replays and out-of-order deliveries are harmless.
 */
@Injectable()
export class PaywallMemory {
  private readonly sitesByKey = new Map<string, SiteEntry>();
  private readonly siteKeys = new Map<string, string>();
  private readonly tenants = new Map<string, TenantMemory>();
  ready = false;

  hasRunningExperiments(): boolean {
    return !this.runningExperiments().next().done;
  }

  /** Every running experiment of every agency. */
  *runningExperiments(): Generator<LiveExperiment> {
    for (const tenant of this.tenants.values()) {
      yield* tenant.meterExperiments;
      yield* tenant.offerExperiments;
    }
  }

  site(publishableKey: string): SiteEntry | undefined {
    return this.sitesByKey.get(publishableKey);
  }

  siteById(siteId: string): SiteEntry | undefined {
    const publishableKey = this.siteKeys.get(siteId);
    return publishableKey === undefined ? undefined : this.sitesByKey.get(publishableKey);
  }

  tenant(tenantId: string): TenantMemory | undefined {
    return this.tenants.get(tenantId);
  }

  applyTenant(tenantId: string, timeZone: string, locale: string): void {
    const tenant = this.tenantFor(tenantId);
    tenant.calendar = new LocalCalendar(timeZone);
    tenant.locale = locale === 'en' ? 'en' : 'vi';
  }

  applyOffers(tenantId: string, revision: number, offers: OfferView[]): void {
    this.tenantFor(tenantId).setOffers(revision, offers);
  }

  applyExperiment(tenantId: string, experiment: ExperimentView): void {
    this.tenantFor(tenantId).setExperiment(experiment);
  }

  applySite(tenantId: string, site: { siteId: string; publishableKey: string; version: number }): void {
    const previousKey = this.siteKeys.get(site.siteId);
    const previous = previousKey ? this.sitesByKey.get(previousKey) : undefined;
    if (previous && (previous.version >= site.version || previous.tenantId !== tenantId)) return;
    if (previousKey) this.sitesByKey.delete(previousKey);
    this.sitesByKey.set(site.publishableKey, { tenantId, siteId: site.siteId, version: site.version });
    this.siteKeys.set(site.siteId, site.publishableKey);
  }

  applyPolicies(tenantId: string, revision: number, policies: PolicyView[]): void {
    this.tenantFor(tenantId).setPolicies(revision, policies);
  }

  applyArticle(tenantId: string, article: ArticleChangedEvent): void {
    const articles = this.tenantFor(tenantId).articles;
    const held = articles.get(article.articleId);
    if (held && held.version >= article.version) return;
    if (article.deleted) {
      // Keep the version, so an older change arriving late cannot bring the article back.
      articles.set(article.articleId, {
        access: { ...articleAccess(article.articleId, null), accessLevel: 'metered' },
        siteId: null,
        version: article.version,
      });
      return;
    }
    articles.set(article.articleId, {
      siteId: article.siteId,
      version: article.version,
      access: {
        ...articleAccess(article.articleId, article.section),
        tags: article.tags,
        publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
        accessLevel: article.accessLevel,
        lockAfterDays: article.lockAfterDays,
        freeAfterDays: article.freeAfterDays,
      },
    });
  }

  applyReaderGrants(tenantId: string, readerKey: string, version: number, grants: EntitlementGrant[]): void {
    const readers = this.tenantFor(tenantId).readers;
    const held = readers.get(readerKey);
    if (held && held.version >= version) return;
    readers.set(readerKey, {
      version,
      grants: grants.map((grant) => ({ key: grant.key, until: Date.parse(grant.until), source: grant.source })),
    });
  }

  applyAddressGrants(tenantId: string, grants: AddressGrantChangedEvent): void {
    const held = this.tenantFor(tenantId).addressGrants;
    const current = held.get(grants.licenceId);
    if (current && current.version >= grants.version) return;
    const ranges = grants.ipRanges.map(parseCidrRange).filter((range): range is CidrRange => range !== null);
    held.set(grants.licenceId, {
      version: grants.version,
      ranges,
      entitlements: grants.entitlements,
      validUntil: Date.parse(grants.validUntil),
    });
  }

  private tenantFor(tenantId: string): TenantMemory {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      // Events of an agency may come before its registration does; the calendar follows then.
      tenant = new TenantMemory(new LocalCalendar('Asia/Ho_Chi_Minh'));
      this.tenants.set(tenantId, tenant);
    }
    return tenant;
  }
}

/** The article as the decision needs it when the CMS has not told us about it: metered. */
export function articleAccess(articleId: string, section: string | null): ArticleAccess {
  return {
    id: articleId,
    meterKey: shortHash(articleId, ARTICLE_KEY_BYTES),
    section,
    sectionKey: section === null ? null : shortHash(section, SECTION_KEY_BYTES),
    tags: [],
    publishedAt: null,
    accessLevel: 'metered',
    lockAfterDays: null,
    freeAfterDays: null,
  };
}

/** Grants of a reader and of their address that hold at `now`, and what kind of reader that makes. */
export function activeEntitlements(
  tenant: TenantMemory,
  readerKey: string | null,
  address: IpAddress | null,
  now: number,
): { keys: Set<string>; viaSubscription: boolean; viaGroup: boolean } {
  const keys = new Set<string>();
  let viaSubscription = false;
  let viaGroup = false;
  const reader = readerKey === null ? undefined : tenant.readers.get(readerKey);
  for (const grant of reader?.grants ?? []) {
    if (grant.until <= now) continue;
    keys.add(grant.key);
    if (grant.source === 'group') viaGroup = true;
    else viaSubscription = true;
  }
  if (address !== null) {
    for (const grants of tenant.addressGrants.values()) {
      if (grants.validUntil <= now || !grants.ranges.some((range) => cidrContains(range, address))) continue;
      for (const key of grants.entitlements) keys.add(key);
      viaGroup = true;
    }
  }
  return { keys, viaSubscription, viaGroup };
}

/** The first `bytes` bytes of the SHA-256, in base64url (what meter tokens carry as bytes). */
function shortHash(text: string, bytes: number): string {
  return createHash('sha256').update(text).digest().toString('base64url', 0, bytes);
}
