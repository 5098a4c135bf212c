import type { PolicyConditions } from '@libs/contracts';

/** Drops empty lists and repeats, so a stored revision says each condition once. */
export function normalizeConditions(conditions: PolicyConditions): PolicyConditions {
  const kept: PolicyConditions = {};
  for (const [key, value] of Object.entries(conditions) as [keyof PolicyConditions, string[] | undefined][]) {
    if (value !== undefined && value.length > 0) (kept as Record<string, string[]>)[key] = [...new Set(value)];
  }
  return kept;
}
