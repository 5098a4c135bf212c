import type { AtomicDuty, AtomicEntity, AtomicRule } from './atomic-policy';
import { FUNCTIONS, odrl, RELATIONS, shortName } from './odrl-vocabulary';
import { elementPath, isObject, MAX_ATOMIC_RULES, PolicyReading } from './policy-reading';
import { readActions, ReadAction } from './read-actions';
import { readConstraints } from './read-constraints';
import { readEntities } from './read-entities';

export type RuleKind = 'permission' | 'prohibition' | 'obligation' | 'duty' | 'remedy' | 'consequence';

/** Policy-level properties every rule shares (a Compact Policy), by IRI, with their paths. */
export type SharedProperties = Map<string, { value: unknown; path: string }>;

const RULE_TYPE: Record<RuleKind, string> = {
  permission: odrl('Permission'),
  prohibition: odrl('Prohibition'),
  obligation: odrl('Duty'),
  duty: odrl('Duty'),
  remedy: odrl('Duty'),
  consequence: odrl('Duty'),
};
/**
 * The property holding each kind's own duties: a permission's duties, a prohibition's remedies,
 * the consequences of a duty or an obligation. A remedy or a consequence has none (the
 * Information Model), so `consequence` is refused there like any term out of place.
 */
const NESTED: Partial<Record<RuleKind, { property: string; kind: RuleKind }>> = {
  permission: { property: odrl('duty'), kind: 'duty' },
  prohibition: { property: odrl('remedy'), kind: 'remedy' },
  obligation: { property: odrl('consequence'), kind: 'consequence' },
  duty: { property: odrl('consequence'), kind: 'consequence' },
};

/**
 * The atomic rules of a `permission`, `prohibition` or `obligation` list (or of a rule's duties):
 * shared policy-level properties copied in where the rule has none, then one rule per action,
 * target and party of each function.
 */
export function readRules(
  reading: PolicyReading,
  kind: 'permission' | 'prohibition',
  value: unknown,
  path: string,
  shared: SharedProperties,
): AtomicRule[];
export function readRules(
  reading: PolicyReading,
  kind: 'obligation' | 'duty' | 'remedy' | 'consequence',
  value: unknown,
  path: string,
  shared: SharedProperties,
): AtomicDuty[];
export function readRules(
  reading: PolicyReading,
  kind: RuleKind,
  value: unknown,
  path: string,
  shared: SharedProperties,
): (AtomicRule | AtomicDuty)[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item, i) => readRule(reading, kind, item, elementPath(path, value, i), shared));
}

function readRule(
  reading: PolicyReading,
  kind: RuleKind,
  item: unknown,
  path: string,
  shared: SharedProperties,
): (AtomicRule | AtomicDuty)[] {
  if (!isObject(item)) {
    reading.fail(path, `a ${kind} must be an object`);
    return [];
  }
  const nested = NESTED[kind];
  const allowed = new Set(['@id', '@type', odrl('action'), odrl('constraint'), ...RELATIONS, ...FUNCTIONS]);
  if (nested) allowed.add(nested.property);
  const found = reading.properties(item, path, allowed);
  checkType(reading, found.get('@type')?.value, `${path}.@type`, kind);
  const property = (iri: string) => {
    const own = found.get(iri);
    if (own) return { value: own.value, path: `${path}.${own.key}` };
    return shared.get(iri);
  };

  const actionProperty = property(odrl('action'));
  if (!actionProperty) reading.fail(`${path}.action`, `a ${kind} needs an action`);
  const actions = actionProperty ? readActions(reading, actionProperty.value, actionProperty.path) : [];
  const targetProperty = property(odrl('target'));
  if (!targetProperty && (kind === 'permission' || kind === 'prohibition'))
    reading.fail(`${path}.target`, `a ${kind} needs a target`);
  const targets = targetProperty ? readEntities(reading, targetProperty.value, targetProperty.path, 'asset') : [null];
  const output = property(odrl('output'));
  if (output) readEntities(reading, output.value, output.path, 'asset');

  const partiesByFunction: [string, AtomicEntity[]][] = [];
  for (const fn of FUNCTIONS) {
    const functionProperty = property(fn);
    if (!functionProperty) continue;
    reading.noteTerm(fn, functionProperty.path);
    partiesByFunction.push([fn, readEntities(reading, functionProperty.value, functionProperty.path, 'party')]);
  }

  const constraintProperty = found.get(odrl('constraint'));
  const constraints = readConstraints(
    reading,
    constraintProperty?.value,
    `${path}.${constraintProperty?.key ?? 'constraint'}`,
  );
  const nestedProperty = nested && found.get(nested.property);
  const duties: AtomicDuty[] =
    nested && nestedProperty
      ? readRules(reading, nested.kind as 'duty', nestedProperty.value, `${path}.${nestedProperty.key}`, new Map())
      : [];

  const uid = found.get('@id')?.value;
  const base = { path, ...(typeof uid === 'string' && { uid: reading.context.expandIri(uid) ?? uid }), constraints };
  return expand(reading, path, actions, targets, partiesByFunction).map(({ action, target, parties }) => {
    const atomic = { ...base, action: action.iri, actionRefinement: action.refinement, target, parties };
    const own = duties.map((duty) => withParties(duty, parties));
    return kind === 'permission' || kind === 'prohibition'
      ? { ...atomic, duties: own }
      : { ...atomic, consequences: own };
  });
}

function checkType(reading: PolicyReading, type: unknown, path: string, kind: RuleKind): void {
  if (type === undefined) return;
  const iri = typeof type === 'string' ? reading.context.expandVocab(type) : null;
  if (iri !== RULE_TYPE[kind]) reading.fail(path, `a ${kind} is typed ${shortName(RULE_TYPE[kind])}`);
}

function expand(
  reading: PolicyReading,
  path: string,
  actions: ReadAction[],
  targets: (AtomicEntity | null)[],
  partiesByFunction: [string, AtomicEntity[]][],
): { action: ReadAction; target: AtomicEntity | null; parties: Map<string, AtomicEntity> }[] {
  let combinations: Map<string, AtomicEntity>[] = [new Map()];
  for (const [fn, parties] of partiesByFunction)
    combinations = combinations.flatMap((combination) =>
      parties.map((party) => new Map([...combination, [fn, party]])),
    );
  // In the order the Information Model lists an expansion: by target, then action, then party.
  const atomic = targets.flatMap((target) =>
    actions.flatMap((action) => combinations.map((parties) => ({ action, target, parties }))),
  );
  reading.atomicRules += atomic.length;
  if (reading.atomicRules > MAX_ATOMIC_RULES) {
    reading.fail(path, `the policy makes more than ${MAX_ATOMIC_RULES} atomic rules`);
    return [];
  }
  return atomic;
}

/**
 * A duty without parties of its own takes those of the rule that refers to it (the Information
 * Model: "the functional roles will be the same as those declared in the referring Permission").
 */
function withParties(duty: AtomicDuty, parties: Map<string, AtomicEntity>): AtomicDuty {
  const roles = [odrl('assigner'), odrl('assignee')];
  if (roles.some((fn) => duty.parties.has(fn))) return duty;
  const inherited = [...parties].filter(([fn]) => roles.includes(fn));
  return { ...duty, parties: new Map([...inherited, ...duty.parties]) };
}
