import { randomUUID } from 'node:crypto';
import { ValidationFailedError } from '@libs/common';
import { PolicyInput, PolicyRule, PolicyView, READER_SEGMENTS } from '@libs/contracts';
import { normalizeConditions } from '../conditions/normalize-conditions';

type FieldError = { field: string; message: string };

/** What a policy's readers need to pass it, when the policy names nothing else. */
export const DEFAULT_ENTITLEMENT = 'premium-articles';

/** Which rule fields each kind takes (besides `kind` and `entitlement`), and which it needs. */
const FIELDS: Record<PolicyRule['kind'], { needs: (keyof PolicyRule)[]; may: (keyof PolicyRule)[] }> = {
  metered: { needs: ['limit'], may: ['window', 'windowDays', 'perSection', 'registrationBonus'] },
  registration: { needs: ['freeArticles'], may: ['window', 'windowDays'] },
  freemium: { needs: [], may: [] },
  hard: { needs: [], may: [] },
  'time-based': { needs: ['premiumForDays'], may: [] },
  dynamic: { needs: ['threshold', 'limitWhenLikely', 'limitOtherwise', 'propensity'], may: ['window', 'windowDays'] },
};

/**
 * Checks what the request's shape cannot (which fields a kind needs or may have, sites, scores)
 * and fills defaults, so a stored revision is complete and the decision never guesses.
 */
export function normalizePolicies(inputs: PolicyInput[], knownSiteIds: ReadonlySet<string>): PolicyView[] {
  const errors: FieldError[] = [];
  const seenIds = new Set<string>();
  const views = inputs.map((input, index): PolicyView => {
    const at = `policies[${index}]`;
    if (input.id && seenIds.has(input.id))
      errors.push({ field: `${at}.id`, message: 'each policy id may appear once' });
    if (input.id) seenIds.add(input.id);
    if (input.siteId && !knownSiteIds.has(input.siteId))
      errors.push({ field: `${at}.siteId`, message: 'siteId must be a site of this agency' });
    return {
      id: input.id ?? randomUUID(),
      name: input.name,
      siteId: input.siteId ?? null,
      active: input.active,
      rule: normalizeRule(input.rule, `${at}.rule`, errors),
      conditions: normalizeConditions(input.conditions ?? {}),
    };
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return views;
}

function normalizeRule(rule: PolicyRule, at: string, errors: FieldError[]): PolicyRule {
  const { needs, may } = FIELDS[rule.kind];
  const given = (Object.keys(rule) as (keyof PolicyRule)[]).filter(
    (key) => rule[key] !== undefined && key !== 'kind' && key !== 'entitlement',
  );
  for (const key of needs)
    if (rule[key] === undefined)
      errors.push({ field: `${at}.${key}`, message: `${key} is needed by ${rule.kind} policies` });
  for (const key of given)
    if (!needs.includes(key) && !may.includes(key))
      errors.push({ field: `${at}.${key}`, message: `${key} does not apply to ${rule.kind} policies` });
  if (rule.window === 'rolling' && rule.windowDays === undefined)
    errors.push({ field: `${at}.windowDays`, message: 'windowDays is needed by a rolling window' });
  if (rule.window !== 'rolling' && rule.windowDays !== undefined)
    errors.push({ field: `${at}.windowDays`, message: 'windowDays needs window rolling' });
  if (rule.propensity !== undefined) {
    for (const [segment, score] of Object.entries(rule.propensity)) {
      const [name, country] = segment.split(':');
      const knownSegment =
        (READER_SEGMENTS as readonly string[]).includes(name) && (country === undefined || /^[A-Z]{2}$/.test(country));
      if (!knownSegment)
        errors.push({
          field: `${at}.propensity`,
          message: `${segment} is not a segment (e.g. anonymous, registered:VN)`,
        });
      if (typeof score !== 'number' || !(score >= 0 && score <= 1))
        errors.push({ field: `${at}.propensity`, message: `the score of ${segment} must be between 0 and 1` });
    }
  }
  const normalized: PolicyRule = { ...rule, entitlement: rule.entitlement ?? DEFAULT_ENTITLEMENT };
  if (may.includes('window') || needs.includes('limit')) normalized.window = rule.window ?? 'calendar-month';
  if (rule.kind === 'metered')
    Object.assign(normalized, { perSection: rule.perSection ?? false, registrationBonus: rule.registrationBonus ?? 0 });
  return normalized;
}
