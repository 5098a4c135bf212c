import { Injectable } from '@nestjs/common';
import {
  AddressGrantChangedEvent,
  CidrRange,
  EntitlementGrant,
  ExperimentView,
  OfferView,
  parseCidrRange,
  PolicyView,
} from '@libs/contracts';
import { LocalCalendar } from '../decisions/local-calendar';
import { articleAccess } from './article-access';
import type { ArticleAccessChange } from './article-access-change';
import type { LiveExperiment } from './live-experiment';
import type { SiteEntry } from './site-entry';
import { TenantMemory } from './tenant-memory';

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

  applyArticle(tenantId: string, article: ArticleAccessChange): void {
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
