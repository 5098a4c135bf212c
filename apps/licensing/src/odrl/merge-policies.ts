import type { AtomicPolicy } from './atomic-policy';

/**
 * Two policies on the same assets taken together, as the Information Model's conflict example
 * merges them: every rule of both, and both conflict strategies. Evaluating the merge applies
 * ODRL's rule that conflicting rules void a policy holding several strategies.
 */
export function mergePolicies(first: AtomicPolicy, second: AtomicPolicy): AtomicPolicy {
  const conflict = (policy: AtomicPolicy) => (policy.conflict.length > 0 ? policy.conflict : (['invalid'] as const));
  return {
    uid: first.uid,
    type: first.type === second.type ? first.type : 'Set',
    profiles: [...new Set([...first.profiles, ...second.profiles])],
    conflict: [...new Set([...conflict(first), ...conflict(second)])],
    permissions: [...first.permissions, ...second.permissions],
    prohibitions: [...first.prohibitions, ...second.prohibitions],
    obligations: [...first.obligations, ...second.obligations],
  };
}
