import type { PolicyView } from '@libs/contracts';
import type { MeterWindow, PaywallPolicy, PolicyRule as DecisionRule } from '../decisions/decision-types';
import { DEFAULT_ENTITLEMENT } from './normalize-policies';

/** A stored policy as the decision function takes it. */
export function toPaywallPolicy(view: PolicyView): PaywallPolicy {
  const rule = view.rule;
  const entitlement = rule.entitlement ?? DEFAULT_ENTITLEMENT;
  const window: MeterWindow =
    rule.window === 'rolling' ? { kind: 'rolling', days: rule.windowDays ?? 30 } : { kind: 'calendar-month' };
  let decisionRule: DecisionRule;
  switch (rule.kind) {
    case 'metered':
      decisionRule = {
        kind: 'metered',
        limit: rule.limit ?? 0,
        window,
        perSection: rule.perSection ?? false,
        registrationBonus: rule.registrationBonus ?? 0,
        entitlement,
      };
      break;
    case 'registration':
      decisionRule = { kind: 'registration', freeArticles: rule.freeArticles ?? 0, window };
      break;
    case 'freemium':
    case 'hard':
      decisionRule = { kind: rule.kind, entitlement };
      break;
    case 'time-based':
      decisionRule = { kind: 'time-based', premiumForDays: rule.premiumForDays ?? 0, entitlement };
      break;
    case 'dynamic':
      decisionRule = {
        kind: 'dynamic',
        threshold: rule.threshold ?? 1,
        limitWhenLikely: rule.limitWhenLikely ?? 0,
        limitOtherwise: rule.limitOtherwise ?? 0,
        window,
        propensity: rule.propensity ?? {},
        entitlement,
      };
      break;
    default: {
      const unknown: never = rule.kind;
      throw new Error(`unknown policy kind ${String(unknown)}`);
    }
  }
  return { id: view.id, name: view.name, rule: decisionRule, conditions: view.conditions };
}
