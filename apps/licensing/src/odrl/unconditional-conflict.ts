import type { FieldError } from '@libs/contracts';
import { related } from './action-hierarchy';
import type { AtomicEntity, AtomicPolicy, AtomicRule } from './atomic-policy';
import { odrl, shortName } from './odrl-vocabulary';

/**
 * A permission and a prohibition that always conflict (related actions on the same target for
 * overlapping assignees, neither constrained), in a policy whose conflict strategy voids it: such
 * a policy could never permit anything, so it is refused on writing, naming the two rules.
 * Conflicts that depend on constraints are found when evaluating (`evaluate`).
 */
export function findUnconditionalConflict(policy: AtomicPolicy): FieldError | null {
  const strategies = new Set(policy.conflict);
  if (strategies.size === 1 && !strategies.has('invalid')) return null;
  for (const permission of policy.permissions.filter(unconditional))
    for (const prohibition of policy.prohibitions.filter(unconditional))
      if (
        related(permission.action, prohibition.action) &&
        sameEntity(permission.target, prohibition.target) &&
        overlapping(permission.parties.get(odrl('assignee')), prohibition.parties.get(odrl('assignee')))
      )
        return {
          field: 'conflict',
          message:
            `${permission.path} (${shortName(permission.action)}) and ${prohibition.path} (${shortName(prohibition.action)}) ` +
            `conflict, which voids the whole policy under ${strategies.size > 1 ? 'several conflict terms' : 'conflict invalid (the default)'}: ` +
            'set conflict to perm or prohibit',
        };
  return null;
}

function unconditional(rule: AtomicRule): boolean {
  return (
    rule.constraints.length === 0 &&
    rule.actionRefinement.length === 0 &&
    !rule.target?.refinement.length &&
    !rule.parties.get(odrl('assignee'))?.refinement.length
  );
}

function sameEntity(a: AtomicEntity | null, b: AtomicEntity | null): boolean {
  return !!a && !!b && (a.uid ?? a.source) === (b.uid ?? b.source);
}

/** A rule without an assignee concerns everyone. */
function overlapping(a: AtomicEntity | undefined, b: AtomicEntity | undefined): boolean {
  return !a || !b || (a.uid ?? a.source) === (b.uid ?? b.source);
}
