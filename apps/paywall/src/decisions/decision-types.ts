import type { ArticleAccessLevel, DecisionAccess, Device, ReaderSegment } from '@libs/contracts';

/**
 * The types the decision function takes and answers: articles with an access level, readers in
 * segments, and ordered policies with conditions. Plain data, no I/O. The words themselves
 * (access, segment, device, level) are the contracts'.
 */
export type { Device, ReaderSegment };
export type AccessLevel = ArticleAccessLevel;
export type Access = DecisionAccess;

export interface ArticleAccess {
  id: string;
  /** Short stable hash of the id: what meters remember (tokens stay small, ids stay private). */
  meterKey: string;
  section: string | null;
  /** Short stable hash of the section, for per-section meters. */
  sectionKey: string | null;
  tags: readonly string[];
  publishedAt: Date | null;
  accessLevel: AccessLevel;
  /** A free or metered article becomes premium this many days after publication (archive lock). */
  lockAfterDays: number | null;
  /** A premium article becomes free this many days after publication. */
  freeAfterDays: number | null;
}

/** Who a policy is for; every condition given must hold, an absent one always holds. */
export interface PolicyConditions {
  segments?: readonly ReaderSegment[];
  countries?: readonly string[];
  devices?: readonly Device[];
  /** Referrer host suffixes, e.g. `google.com` matches `news.google.com`. */
  referrers?: readonly string[];
  sections?: readonly string[];
  tags?: readonly string[];
}

export type MeterWindow = { kind: 'calendar-month' } | { kind: 'rolling'; days: number };

export type PolicyRule =
  /**
   * N free metered articles per window (per section if asked); registered readers get a bonus;
   * holders of the entitlement are not metered.
   */
  | {
      kind: 'metered';
      limit: number;
      window: MeterWindow;
      perSection: boolean;
      registrationBonus: number;
      entitlement: string;
    }
  /** Anonymous readers read `freeArticles` metered articles, then must register. */
  | { kind: 'registration'; freeArticles: number; window: MeterWindow }
  /** Premium articles need the entitlement. */
  | { kind: 'freemium'; entitlement: string }
  /** Every article that is not free needs the entitlement. */
  | { kind: 'hard'; entitlement: string }
  /** Articles younger than `premiumForDays` need the entitlement; older ones go to the next policy. */
  | { kind: 'time-based'; premiumForDays: number; entitlement: string }
  /**
   * A meter whose limit follows the reader segment's propensity to subscribe (0-1, supplied by
   * the agency): readers at or above the threshold get `limitWhenLikely` (usually lower).
   */
  | {
      kind: 'dynamic';
      threshold: number;
      limitWhenLikely: number;
      limitOtherwise: number;
      window: MeterWindow;
      /** Score per segment (`registered`) or segment and country (`anonymous:VN`, which wins). */
      propensity: Readonly<Record<string, number>>;
      entitlement: string;
    };

export interface PaywallPolicy {
  id: string;
  name: string;
  rule: PolicyRule;
  conditions: PolicyConditions;
}

export interface ReaderContext {
  segment: ReaderSegment;
  /** Entitlement keys active now (subscription, gift, group, address). */
  entitlements: ReadonlySet<string>;
  country: string | null;
  device: Device;
  referrerHost: string | null;
}

/** A read as meters remember it: the article's and section's meter keys and the local day. */
export interface MeteredRead {
  article: string;
  section: string | null;
  day: number;
}

export interface Decision {
  access: Access;
  reason: string;
  policyId: string | null;
  /** Free reads left in the deciding meter after this read (null when no meter decided). */
  remaining: number | null;
  /** Whether this read is to be added to the reader's meter. */
  counts: boolean;
}
