import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseIpAddress } from '@libs/contracts';
import { decide } from '../decisions/decide';
import { MeterTokens } from '../decisions/meter-token';
import type { Access, Device, MeteredRead, ReaderSegment } from '../decisions/paywall-rules';
import { ReaderTokens } from '../decisions/reader-tokens';
import { activeEntitlements, articleAccess, PaywallMemory, SiteEntry } from '../live-state/paywall-memory';
import { ReaderMeters } from '../reader-meters/reader-meters';

export interface DecisionRequest {
  articleId: string;
  anonymousId?: string;
  readerToken?: string;
  meterToken?: string;
  url?: string;
  referrer?: string;
  country?: string;
  device?: Device;
  /** For an article the CMS has not pushed yet: its section, for per-section meters. */
  section?: string;
}

export interface DecisionAnswer {
  access: Access;
  reason: string;
  remaining: number | null;
  policyId: string | null;
  segment: ReaderSegment;
  /** The offer and experiment variant to show (none until offers are configured). */
  offer: null;
  variant: null;
  anonymousId: string;
  /** The anonymous reader's meter, to send with the next decision (null for logged-in readers). */
  meterToken: string | null;
}

export class AgencyNotReadyError extends Error {}

/**
 * Decides for one page view from memory only: no database, no NATS round trip. The same answer
 * serves every channel (the public endpoint, server rendering, newsletters).
 */
@Injectable()
export class PaywallDecisions {
  constructor(
    private readonly memory: PaywallMemory,
    private readonly meterTokens: MeterTokens,
    private readonly readerTokens: ReaderTokens,
    private readonly readerMeters: ReaderMeters,
  ) {}

  decide(site: SiteEntry, request: DecisionRequest, clientIp: string | null, now = Date.now()): DecisionAnswer {
    const tenant = this.memory.tenant(site.tenantId);
    if (!tenant || tenant.policyRevision === 0) throw new AgencyNotReadyError(`the paywall of this agency is not loaded yet`);
    const readerKey = request.readerToken ? this.readerTokens.readerKeyOf(request.readerToken, site.tenantId, now) : null;
    const address = clientIp && tenant.addressGrants.size > 0 ? parseIpAddress(clientIp) : null;
    const entitlements = activeEntitlements(tenant, readerKey, address, now);
    const segment: ReaderSegment = entitlements.viaSubscription ? 'subscriber' : entitlements.viaGroup ? 'group-member' : readerKey ? 'registered' : 'anonymous';
    const today = tenant.calendar.dayOf(now);
    const known = tenant.articles.get(request.articleId);
    const article = known && (known.siteId === null || known.siteId === site.siteId) ? known.access : articleAccess(request.articleId, request.section ?? null);
    const anonymous = request.meterToken ? this.meterTokens.read(request.meterToken, site.tenantId) : null;
    const anonymousId = anonymous?.anonymousId ?? request.anonymousId ?? newAnonymousId();
    let reads: MeteredRead[];
    if (readerKey) {
      // On login, what the reader read anonymously joins the account's meter (once: a re-read never counts twice).
      if (anonymous && anonymous.reads.length > 0) this.readerMeters.merge(site.tenantId, readerKey, anonymous.reads);
      reads = this.readerMeters.readsOf(site.tenantId, readerKey);
    } else {
      reads = anonymous?.reads ?? [];
    }
    const decision = decide({
      article, today, now, reads, policies: tenant.policiesFor(site.siteId),
      reader: { segment, entitlements: entitlements.keys, country: request.country ?? null, device: request.device ?? 'desktop', referrerHost: hostOf(request.referrer) },
    });
    const read: MeteredRead = { article: article.meterKey, section: article.sectionKey, day: today };
    let meterToken: string | null = null;
    if (readerKey) {
      if (decision.counts) this.readerMeters.record(site.tenantId, readerKey, read);
    } else if (decision.counts || !anonymous) {
      meterToken = this.meterTokens.issue({ tenantId: site.tenantId, anonymousId, reads: decision.counts ? [...reads, read] : reads }, today);
    } else {
      // Nothing counted: the reader's own (valid) token still says it all; no need to sign anew.
      meterToken = request.meterToken!;
    }
    return {
      access: decision.access, reason: decision.reason, remaining: decision.remaining, policyId: decision.policyId, segment,
      offer: null, variant: null, anonymousId, meterToken,
    };
  }
}

/** 128 random bits in 22 characters (a UUID's randomness without its length in every token). */
function newAnonymousId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
}

function hostOf(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).hostname.toLowerCase();
  } catch {
    return null;
  }
}
