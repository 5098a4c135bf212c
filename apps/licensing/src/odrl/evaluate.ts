import { covers, related } from './action-hierarchy';
import { ActiveContext } from './active-context';
import type { AtomicConstraint, AtomicEntity, AtomicPolicy, AtomicRule, ConstraintNode } from './atomic-policy';
import type { DenyReason, Evaluation, EvaluationRequest, PermitReason, QuotaUse } from './evaluation';
import { incurredDuties } from './incurred-duties';
import { ACTION_PARENT, odrl, shortName } from './odrl-vocabulary';
import { quotaKeyOf, satisfyAll, Satisfaction, Truth } from './satisfy-constraint';

const TERMS = ActiveContext.suite();

interface Assessed {
  rule: AtomicRule;
  /** Whether the rule's target is this asset (or a collection it belongs to). */
  target: Truth;
  /** Whether the rule concerns this asset and this party. */
  concerns: Truth;
  /** Whether its constraints and its action's refinement hold here. */
  holds: Satisfaction;
}

/**
 * Permit or deny one use, with the reason and what the use incurs: the one decision every
 * licensing path asks (feeds, AI and crawler access, usage reports). Pure: the policy, the
 * request and nothing else.
 *
 * ODRL's semantics, as read here (ADR 0012):
 * - an Offer grants nothing: it is denied `offer-not-agreed` until accepted into an Agreement
 *   (`toAgreement`), which grants only to its assignee;
 * - a rule on an action covers every action included in it (`use` covers `display`);
 * - the agency's own facts about the article come first: not licensable, under embargo, or
 *   excluded in the country, it is denied whatever a policy says;
 * - a permission grants when its target and assignee match and every constraint holds; a
 *   prohibition applies unless a constraint is known to fail (not knowing never lifts one);
 * - a permission and a prohibition in force here, on related actions, conflict: `perm` lets the
 *   permission win, `prohibit` the prohibition, and `invalid` (the default) or several strategies
 *   void the whole policy.
 */
export function evaluate(policy: AtomicPolicy, request: EvaluationRequest): Evaluation {
  const action = TERMS.expandVocab(request.action);
  if (!action || !ACTION_PARENT.has(action))
    return deny('unknown-action', null, null, `${request.action} is not an action of the policy vocabularies`);
  if (policy.type === 'Offer')
    return deny('offer-not-agreed', null, null, 'an Offer grants nothing until it is accepted into an Agreement');
  const { target, context } = request;
  if (!target.licensable) return deny('not-licensable', null, null, 'the agency does not license this article');
  if (target.embargoUntil && context.now.getTime() < target.embargoUntil.getTime())
    return deny('embargoed', null, null, `the article is under embargo until ${target.embargoUntil.toISOString()}`);
  if (context.country && target.excludedTerritories.includes(context.country))
    return deny('territory-excluded', null, null, `the article is not licensed in ${context.country}`);

  const assess = (rule: AtomicRule): Assessed => {
    const onTarget = entityTruth(rule.target, request, 'asset');
    return {
      rule,
      target: onTarget,
      concerns: and(onTarget, assigneeTruth(rule, request)),
      holds: satisfyAll([...rule.actionRefinement, ...rule.constraints], request),
    };
  };
  const permissions = policy.permissions.map(assess);
  const prohibitions = policy.prohibitions.map(assess);
  const granting = permissions.filter((p) => p.concerns === true && p.holds.truth === true);
  const forbidding = prohibitions.filter((p) => p.concerns !== false && p.holds.truth !== false);

  for (const permission of granting)
    for (const prohibition of forbidding)
      if (related(permission.rule.action, prohibition.rule.action) && voidsOnConflict(policy))
        return deny(
          'policy-void',
          permission.rule.path,
          null,
          `${permission.rule.path} (${shortName(permission.rule.action)}) and ${prohibition.rule.path} ` +
            `(${shortName(prohibition.rule.action)}) conflict here, and the policy's conflict strategy voids it`,
        );

  const obligations = incurredDuties(
    policy.obligations.filter((o) => assigneeTruth(o, request) !== false),
    request,
  );
  const permitting = granting.find((p) => covers(p.rule.action, action));
  const prohibiting = forbidding.find((p) => covers(p.rule.action, action));
  if (prohibiting && !(permitting && policy.conflict.includes('perm'))) {
    const remedies = incurredDuties(prohibiting.rule.duties, request);
    return {
      ...deny('prohibited', prohibiting.rule.path, null, `${shortName(prohibiting.rule.action)} is prohibited`),
      remedies,
      obligations,
    };
  }
  if (permitting)
    return permit(permitting.rule, prohibiting ? 'permitted-over-prohibition' : 'permitted', request, obligations);
  return { ...explainDenial(permissions, action), obligations };
}

function voidsOnConflict(policy: AtomicPolicy): boolean {
  const strategies = new Set(policy.conflict);
  return strategies.size !== 1 || strategies.has('invalid');
}

function permit(
  rule: AtomicRule,
  code: PermitReason,
  request: EvaluationRequest,
  obligations: Evaluation['obligations'],
): Evaluation {
  return {
    decision: 'permit',
    reason: {
      code,
      rule: rule.path,
      constraint: null,
      detail:
        code === 'permitted'
          ? `${rule.path} permits ${shortName(rule.action)}`
          : `${rule.path} permits ${shortName(rule.action)} over a prohibition (conflict perm)`,
    },
    duties: incurredDuties(rule.duties, request),
    remedies: [],
    obligations,
    quotas: quotasOf(rule, request),
  };
}

/** Why nothing permits: no rule for the action, not this party's, or a constraint that fails or cannot be decided. */
function explainDenial(permissions: Assessed[], action: string): Evaluation {
  const forAction = permissions.filter((p) => covers(p.rule.action, action));
  if (forAction.length === 0) return deny('no-permission', null, null, `no permission covers ${shortName(action)}`);
  const concerning = forAction.filter((p) => p.concerns !== false);
  if (concerning.length === 0) {
    const forArticle = forAction.find((p) => p.target !== false);
    return forArticle
      ? deny(
          'not-assignee',
          forArticle.rule.path,
          null,
          `no permission of ${shortName(action)} is granted to this party`,
        )
      : deny(
          'article-not-covered',
          forAction[0].rule.path,
          null,
          `no permission of ${shortName(action)} covers this article`,
        );
  }
  const failed = concerning.find((p) => p.holds.truth === false) ?? concerning[0];
  const constraint = failed.holds.constraint;
  const code: DenyReason = failed.holds.truth === false ? 'constraint-not-satisfied' : 'constraint-undecidable';
  const what = constraint ? describe(constraint) : 'its party';
  return deny(
    code,
    failed.rule.path,
    constraint?.path ?? null,
    code === 'constraint-not-satisfied' ? `${what} is not satisfied` : `${what} cannot be decided from the request`,
  );
}

function describe(node: ConstraintNode): string {
  return node.kind === 'constraint'
    ? `${node.path} (${shortName(node.leftOperand)} ${shortName(node.operator)})`
    : `${node.path} (${node.operand})`;
}

function deny(code: DenyReason, rule: string | null, constraint: string | null, detail: string): Evaluation {
  return {
    decision: 'deny',
    reason: { code, rule, constraint, detail },
    duties: [],
    remedies: [],
    obligations: [],
    quotas: [],
  };
}

function and(...truths: Truth[]): Truth {
  if (truths.includes(false)) return false;
  return truths.includes('unknown') ? 'unknown' : true;
}

/** Whether a rule's asset or party is the one asked about, or a collection it belongs to (refinements applied). */
function entityTruth(
  entity: AtomicEntity | null | undefined,
  request: EvaluationRequest,
  kind: 'asset' | 'party',
): Truth {
  if (!entity) return true;
  const asking = kind === 'asset' ? request.target : request.assignee;
  if (!asking) return false;
  const name = entity.uid ?? entity.source;
  const member = asking.uid === name || (!!name && (asking.partOf ?? []).includes(name));
  if (!member) return false;
  if (entity.refinement.length === 0) return true;
  // A party's characteristics are not in the request: its refinements cannot be decided.
  return kind === 'asset' ? satisfyAll(entity.refinement, request).truth : 'unknown';
}

function assigneeTruth(rule: { parties: Map<string, AtomicEntity> }, request: EvaluationRequest): Truth {
  return entityTruth(rule.parties.get(odrl('assignee')), request, 'party');
}

function quotasOf(rule: AtomicRule, request: EvaluationRequest): QuotaUse[] {
  const constraints = flatten(rule.constraints);
  const period = constraints.find((c) => c.leftOperand === odrl('timeInterval'));
  return constraints
    .filter((c) => c.leftOperand === odrl('count'))
    .map((c) => {
      const key = quotaKeyOf(c);
      const [limit] = c.rightOperand;
      return {
        key,
        limit: Number(limit && 'literal' in limit ? limit.literal : NaN),
        used: c.status !== undefined ? Number(c.status) : (request.context.countSoFar[key] ?? 0),
        period: period && 'literal' in period.rightOperand[0] ? String(period.rightOperand[0].literal) : null,
      };
    });
}

function flatten(nodes: readonly ConstraintNode[]): AtomicConstraint[] {
  return nodes.flatMap((node) => (node.kind === 'constraint' ? [node] : flatten(node.constraints)));
}
