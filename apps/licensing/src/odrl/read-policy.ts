import type { FieldError } from '@libs/contracts';
import { ActiveContext } from './active-context';
import type { AtomicPolicy } from './atomic-policy';
import { findUnconditionalConflict } from './unconditional-conflict';
import { inheritPolicy } from './inherit-policy';
import {
  CONFLICT_TERMS,
  ConflictTerm,
  FUNCTIONS,
  KNOWN_PROFILES,
  LOGICAL_OPERANDS,
  odrl,
  POLICY_TYPES,
  PolicyType,
  RELATIONS,
  RIGHTSML_PROFILE,
  shortName,
  SUITE_PROFILE,
  UNSUPPORTED_POLICY_TYPES,
} from './odrl-vocabulary';
import { isObject, JsonObject, listOf, PolicyReading } from './policy-reading';
import { readRules, SharedProperties } from './read-rules';

export type PolicyRead = { ok: true; policy: AtomicPolicy } | { ok: false; errors: FieldError[] };

export interface ReadPolicyOptions {
  /** Parent policies by uid, for `inheritFrom`. The service passes none: a parent is never fetched. */
  parentOf?: (uid: string) => unknown;
}

const POLICY_KEYS: ReadonlySet<string> = new Set([
  '@context',
  '@id',
  '@type',
  ...['profile', 'conflict', 'inheritFrom', 'permission', 'prohibition', 'obligation', 'action'].map(odrl),
  ...RELATIONS,
  ...FUNCTIONS,
]);

/**
 * Validates an ODRL 2.2 policy (JSON-LD, compacted against the pinned contexts) and reads it as
 * atomic rules, or answers every error found, each naming its path (`permission[0].constraint[1].leftOperand`).
 * It takes Set (and Policy), Offer and Agreement; every action, left operand, operator, party
 * function and asset relation must be a term of the ODRL 2.2 vocabulary, of RightsML or of the
 * suite's profile, and terms outside ODRL's core need a profile the suite knows.
 */
export function readPolicy(document: unknown, options: ReadPolicyOptions = {}): PolicyRead {
  if (!isObject(document)) return { ok: false, errors: [{ field: 'body', message: 'a policy is a JSON-LD object' }] };
  let doc: JsonObject = document;
  if (doc.inheritFrom !== undefined) {
    if (!options.parentOf)
      return {
        ok: false,
        errors: [{ field: 'inheritFrom', message: 'is not taken: a parent policy is never fetched' }],
      };
    const inherited = inheritPolicy(doc, options.parentOf);
    if ('errors' in inherited) return { ok: false, errors: inherited.errors };
    doc = inherited.document;
  }
  const { context, errors } = ActiveContext.of(doc['@context']);
  if (errors.length > 0) return { ok: false, errors };
  const reading = new PolicyReading(context);
  indexConstraints(reading, doc, '');
  const found = reading.properties(doc, '', POLICY_KEYS, true);
  const type = readType(reading, found.get('@type')?.value);
  const uidValue = found.get('@id')?.value;
  const uid = typeof uidValue === 'string' ? context.expandIri(uidValue) : null;
  if (!uid) reading.fail('uid', 'a policy needs a uid, an absolute IRI');
  const profiles = readIris(reading, found.get(odrl('profile')), 'profile');
  const conflict = readConflict(reading, found.get(odrl('conflict')));

  const shared: SharedProperties = new Map();
  for (const iri of [odrl('action'), ...RELATIONS, ...FUNCTIONS]) {
    const property = found.get(iri);
    if (property) shared.set(iri, { value: property.value, path: property.key });
  }
  const list = (name: string) => found.get(odrl(name));
  const rulesOf = <K extends 'permission' | 'prohibition'>(kind: K) =>
    list(kind) ? readRules(reading, kind, list(kind)!.value, list(kind)!.key, shared) : [];
  const permissions = rulesOf('permission');
  const prohibitions = rulesOf('prohibition');
  const obligation = list('obligation');
  const obligations = obligation ? readRules(reading, 'obligation', obligation.value, obligation.key, shared) : [];
  if (!list('permission') && !list('prohibition') && !obligation)
    reading.fail('permission', 'a policy needs at least one permission, prohibition or obligation');

  checkParties(reading, type, [...permissions, ...prohibitions, ...obligations]);
  checkProfiles(reading, profiles);
  if (reading.errors.length > 0 || !uid) return { ok: false, errors: reading.errors };
  const policy: AtomicPolicy = { uid, type, profiles, conflict, permissions, prohibitions, obligations };
  const unconditional = findUnconditionalConflict(policy);
  if (unconditional) return { ok: false, errors: [unconditional] };
  return { ok: true, policy };
}

function readType(reading: PolicyReading, value: unknown): PolicyType {
  if (value === undefined) return 'Set';
  const written = Array.isArray(value) && value.length === 1 ? value[0] : value;
  const iri = typeof written === 'string' ? reading.context.expandVocab(written) : null;
  const type = iri ? POLICY_TYPES.get(iri) : undefined;
  if (type) return type;
  if (iri && UNSUPPORTED_POLICY_TYPES.has(iri))
    reading.fail('@type', `${shortName(iri)} policies are not taken: use Set, Offer or Agreement`);
  else reading.fail('@type', `must be Set, Offer or Agreement (or Policy, which is Set)`);
  return 'Set';
}

function readIris(
  reading: PolicyReading,
  property: { key: string; value: unknown } | undefined,
  field: string,
): string[] {
  if (!property) return [];
  return listOf(property.value).flatMap((value, i) => {
    const iri = typeof value === 'string' ? reading.context.expandIri(value) : null;
    if (!iri) reading.fail(Array.isArray(property.value) ? `${field}[${i}]` : field, 'must be an absolute IRI');
    return iri ? [iri] : [];
  });
}

function readConflict(reading: PolicyReading, property: { value: unknown } | undefined): ConflictTerm[] {
  if (!property) return [];
  return listOf(property.value).flatMap((value) => {
    const term = typeof value === 'string' ? CONFLICT_TERMS.get(reading.context.expandVocab(value) ?? '') : undefined;
    if (!term) reading.fail('conflict', `must be perm, prohibit or invalid, not ${JSON.stringify(value)}`);
    return term ? [term] : [];
  });
}

/** Offer: every rule has its assigner; Agreement: its assigner and its assignee (the Information Model). */
function checkParties(
  reading: PolicyReading,
  type: PolicyType,
  rules: { path: string; parties: Map<string, unknown> }[],
) {
  const needed = type === 'Offer' ? ['assigner'] : type === 'Agreement' ? ['assigner', 'assignee'] : [];
  const missing = new Set<string>();
  for (const rule of rules)
    for (const fn of needed)
      if (!rule.parties.has(odrl(fn)) && !missing.has(`${rule.path}.${fn}`)) {
        missing.add(`${rule.path}.${fn}`);
        reading.fail(`${rule.path}.${fn}`, `every rule of an ${type} has an ${fn} (here or at the policy level)`);
      }
}

/** ODRL: a processor must stop at a profile it does not know; terms outside the core need one. */
function checkProfiles(reading: PolicyReading, profiles: string[]): void {
  const unknown = profiles.filter((profile) => !KNOWN_PROFILES.has(profile));
  profiles.forEach((profile, i) => {
    if (!KNOWN_PROFILES.has(profile))
      reading.fail(
        profiles.length > 1 ? `profile[${i}]` : 'profile',
        `${profile} is not a profile the suite knows (${[...KNOWN_PROFILES].join(', ')})`,
      );
  });
  const [first] = reading.nonCoreTerms;
  if (unknown.length > 0) return;
  if (first && !profiles.includes(SUITE_PROFILE) && !profiles.includes(RIGHTSML_PROFILE))
    reading.fail(
      'profile',
      `${shortName(first[0])} (at ${first[1]}) is not in ODRL's core vocabulary: name the profile ${SUITE_PROFILE}`,
    );
  else if (reading.usesSuiteTerms() && !profiles.includes(SUITE_PROFILE))
    reading.fail('profile', `the suite's terms (rev:) need its profile ${SUITE_PROFILE}`);
}

/** Every constraint with a uid, wherever it stands, so that a logical constraint may name it. */
function indexConstraints(reading: PolicyReading, node: unknown, path: string): void {
  if (Array.isArray(node)) return node.forEach((item, i) => indexConstraints(reading, item, `${path}[${i}]`));
  if (!isObject(node)) return;
  const keys = Object.keys(node).map((key) => reading.context.expandKey(key));
  const id = node['@id'] ?? node.uid;
  const isConstraint =
    keys.includes(odrl('leftOperand')) || keys.some((iri) => iri !== null && LOGICAL_OPERANDS.has(iri));
  if (isConstraint && typeof id === 'string')
    reading.constraintsByUid.set(reading.context.expandIri(id) ?? id, { node, path });
  for (const [key, value] of Object.entries(node)) indexConstraints(reading, value, path ? `${path}.${key}` : key);
}
