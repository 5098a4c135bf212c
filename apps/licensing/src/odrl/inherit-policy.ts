import type { FieldError } from '@libs/contracts';
import { isObject, JsonObject, listOf } from './policy-reading';

const RULE_LISTS = ['permission', 'prohibition', 'obligation'] as const;
const UNIONED = ['profile', 'conflict'] as const;
const SHARED = ['action', 'target', 'assigner', 'assignee'] as const;

/**
 * The child policy with what it inherits (ODRL's Policy Inheritance): every parent's rules after
 * its own, the union of profiles and conflict terms, and the parent's policy-level assets,
 * parties and actions where the child declares none. Parents come from `parentOf` (the service
 * gives none: a parent is never fetched); inheritance must not be circular.
 */
export function inheritPolicy(
  child: JsonObject,
  parentOf: (uid: string) => unknown,
  following: readonly string[] = [],
): { document: JsonObject } | { errors: FieldError[] } {
  let merged: JsonObject = { ...child };
  delete merged.inheritFrom;
  for (const [i, uid] of listOf(child.inheritFrom).entries()) {
    const field = Array.isArray(child.inheritFrom) ? `inheritFrom[${i}]` : 'inheritFrom';
    if (typeof uid !== 'string') return { errors: [{ field, message: 'must be the uid of a parent policy' }] };
    if (following.includes(uid)) return { errors: [{ field, message: `inheritance from ${uid} is circular` }] };
    const found = parentOf(uid);
    if (!isObject(found))
      return { errors: [{ field, message: `the parent policy ${uid} is not known (never fetched)` }] };
    const parent =
      found.inheritFrom === undefined ? { document: found } : inheritPolicy(found, parentOf, [...following, uid]);
    if ('errors' in parent) return { errors: parent.errors.map((e) => ({ field, message: `${uid}: ${e.message}` })) };
    merged = mergeInto(merged, parent.document);
  }
  return { document: merged };
}

function mergeInto(child: JsonObject, parent: JsonObject): JsonObject {
  const merged: JsonObject = { ...child };
  const contexts = [...listOf(child['@context']), ...listOf(parent['@context'])];
  merged['@context'] = contexts.filter(
    (c, i) => contexts.findIndex((o) => JSON.stringify(o) === JSON.stringify(c)) === i,
  );
  for (const key of RULE_LISTS) {
    const rules = [
      ...(child[key] === undefined ? [] : listOf(child[key])),
      ...(parent[key] === undefined ? [] : listOf(parent[key])),
    ];
    if (rules.length > 0) merged[key] = rules;
  }
  for (const key of UNIONED) {
    const values = [
      ...new Set([
        ...(child[key] === undefined ? [] : listOf(child[key])),
        ...(parent[key] === undefined ? [] : listOf(parent[key])),
      ]),
    ];
    if (values.length > 0) merged[key] = values;
  }
  for (const key of SHARED) if (merged[key] === undefined && parent[key] !== undefined) merged[key] = parent[key];
  return merged;
}
