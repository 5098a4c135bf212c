import type {
  AccessLevel,
  ArticleAccess,
  Decision,
  MeteredRead,
  MeterWindow,
  PaywallPolicy,
  PolicyConditions,
  PolicyRule,
  ReaderContext,
} from './decision-types';

const DAY_MS = 86_400_000;
const PREMIUM_FALLBACK_ENTITLEMENT = 'premium-articles';

export interface DecisionInput {
  article: ArticleAccess;
  reader: ReaderContext;
  /** The reader's remembered reads (any age; the function keeps what its window needs). */
  reads: readonly MeteredRead[];
  /** Instant of the decision, ms since the epoch. */
  now: number;
  /** Local day number (days since 1970-01-01 in the agency's time zone) of `now`. */
  today: number;
  /** The site's active policies in evaluation order. */
  policies: readonly PaywallPolicy[];
}

/**
 * The one paywall decision, for every channel (web, server rendering, newsletters, API). Free
 * articles are open; otherwise the first policy whose conditions hold and that concerns the
 * article decides. Premium articles no policy decides need `premium-articles`; anything else
 * no policy decides is open.
 */
export function decide(input: DecisionInput): Decision {
  const level = effectiveLevel(input.article, input.now);
  if (level === 'free') return open('free article');
  for (const policy of input.policies) {
    if (!conditionsHold(policy.conditions, input)) continue;
    const decision = apply(policy, level, input);
    if (decision) return decision;
  }
  if (level === 'premium') return needs(PREMIUM_FALLBACK_ENTITLEMENT, input.reader, null, 'premium article');
  return open('no policy applies');
}

/** Publication age moves articles: premium ones may open up, open ones may lock (archive). */
export function effectiveLevel(article: ArticleAccess, now: number): AccessLevel {
  if (!article.publishedAt) return article.accessLevel;
  const ageDays = (now - article.publishedAt.getTime()) / DAY_MS;
  if (article.accessLevel === 'premium' && article.freeAfterDays !== null && ageDays >= article.freeAfterDays)
    return 'free';
  if (article.accessLevel !== 'premium' && article.lockAfterDays !== null && ageDays >= article.lockAfterDays)
    return 'premium';
  return article.accessLevel;
}

function apply(policy: PaywallPolicy, level: AccessLevel, input: DecisionInput): Decision | null {
  const rule: PolicyRule = policy.rule;
  switch (rule.kind) {
    case 'freemium':
      return level === 'premium' ? needs(rule.entitlement, input.reader, policy.id, 'premium article') : null;
    case 'hard':
      return needs(rule.entitlement, input.reader, policy.id, 'subscribers only');
    case 'time-based': {
      const published = input.article.publishedAt;
      if (!published || input.now - published.getTime() >= rule.premiumForDays * DAY_MS) return null;
      return needs(rule.entitlement, input.reader, policy.id, `first ${rule.premiumForDays} days for subscribers`);
    }
    case 'metered': {
      if (level !== 'metered') return null;
      if (input.reader.entitlements.has(rule.entitlement)) return entitled(rule.entitlement, policy.id);
      const bonus = input.reader.segment === 'anonymous' ? 0 : rule.registrationBonus;
      const decision = meter(policy.id, rule.limit + bonus, rule.window, rule.perSection, input);
      if (decision.access !== 'block') return decision;
      if (input.reader.segment === 'anonymous' && rule.registrationBonus > 0) {
        return {
          ...decision,
          access: 'register',
          reason: `free articles used up; registering unlocks ${rule.registrationBonus} more`,
        };
      }
      return decision;
    }
    case 'registration': {
      if (input.reader.segment !== 'anonymous') return null;
      const decision = meter(policy.id, rule.freeArticles, rule.window, false, input);
      return decision.access === 'block'
        ? { ...decision, access: 'register', reason: 'register to keep reading' }
        : decision;
    }
    case 'dynamic': {
      if (level !== 'metered') return null;
      if (input.reader.entitlements.has(rule.entitlement)) return entitled(rule.entitlement, policy.id);
      const { segment, country } = input.reader;
      const score =
        (country !== null ? rule.propensity[`${segment}:${country}`] : undefined) ?? rule.propensity[segment] ?? 0;
      return meter(
        policy.id,
        score >= rule.threshold ? rule.limitWhenLikely : rule.limitOtherwise,
        rule.window,
        false,
        input,
      );
    }
    default: {
      const unknown: never = rule;
      throw new Error(`unknown policy rule ${JSON.stringify(unknown)}`);
    }
  }
}

/** Counts this read against a meter of `limit` reads per window; a re-read never counts twice. */
function meter(
  policyId: string,
  limit: number,
  window: MeterWindow,
  perSection: boolean,
  input: DecisionInput,
): Decision {
  const { article, reads, today } = input;
  const first = firstDayOfWindow(today, window);
  const counted = reads.filter(
    (read) => read.day >= first && read.day <= today && (!perSection || read.section === article.sectionKey),
  );
  const used = new Set(counted.map((read) => read.article));
  if (used.has(article.meterKey))
    return {
      access: 'meter',
      reason: 'read before in this period',
      policyId,
      remaining: Math.max(0, limit - used.size),
      counts: false,
    };
  if (used.size < limit)
    return {
      access: 'meter',
      reason: `${used.size + 1} of ${limit} free articles`,
      policyId,
      remaining: limit - used.size - 1,
      counts: true,
    };
  return { access: 'block', reason: `all ${limit} free articles read`, policyId, remaining: 0, counts: false };
}

/** The first local day a meter counts on `today`: the window's start, or the first of the month. */
export function firstDayOfWindow(today: number, window: MeterWindow): number {
  if (window.kind === 'rolling') return today - window.days + 1;
  return today - new Date(today * DAY_MS).getUTCDate() + 1;
}

function needs(entitlement: string, reader: ReaderContext, policyId: string | null, why: string): Decision {
  if (reader.entitlements.has(entitlement)) return entitled(entitlement, policyId);
  return { access: 'block', reason: `${why}: needs ${entitlement}`, policyId, remaining: null, counts: false };
}

function entitled(entitlement: string, policyId: string | null): Decision {
  return { access: 'allow', reason: `entitled (${entitlement})`, policyId, remaining: null, counts: false };
}

function open(reason: string): Decision {
  return { access: 'allow', reason, policyId: null, remaining: null, counts: false };
}

export function conditionsHold(
  conditions: PolicyConditions,
  { article, reader }: Pick<DecisionInput, 'article' | 'reader'>,
): boolean {
  if (conditions.segments && !conditions.segments.includes(reader.segment)) return false;
  if (conditions.countries && (reader.country === null || !conditions.countries.includes(reader.country))) return false;
  if (conditions.devices && !conditions.devices.includes(reader.device)) return false;
  if (conditions.sections && (article.section === null || !conditions.sections.includes(article.section))) return false;
  if (conditions.tags && !conditions.tags.some((tag) => article.tags.includes(tag))) return false;
  if (conditions.referrers) {
    const host = reader.referrerHost;
    if (host === null || !conditions.referrers.some((suffix) => host === suffix || host.endsWith(`.${suffix}`)))
      return false;
  }
  return true;
}
