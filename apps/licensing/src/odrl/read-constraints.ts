import type { AtomicConstraint, ConstraintNode, OperandValue } from './atomic-policy';
import { checkRightOperand } from './right-operand-rules';
import {
  DEPRECATED_LEFT_OPERANDS,
  LEFT_OPERANDS,
  LOGICAL_OPERANDS,
  odrl,
  RELATIONAL_OPERATORS,
  SET_OPERATORS,
  shortName,
} from './odrl-vocabulary';
import { elementPath, isObject, JsonObject, listOf, PolicyReading } from './policy-reading';

const CONSTRAINT_KEYS: ReadonlySet<string> = new Set([
  '@id',
  '@type',
  ...['leftOperand', 'operator', 'rightOperand', 'rightOperandReference', 'dataType', 'unit', 'status'].map(odrl),
]);
const LOGICAL_KEYS: ReadonlySet<string> = new Set(['@id', '@type', ...LOGICAL_OPERANDS.keys()]);

/**
 * The constraints (or refinements) at `path`: each a Constraint, a Logical Constraint over
 * others, or `{"@id": …}` naming a constraint given elsewhere in the same policy by its uid
 * (never fetched).
 */
export function readConstraints(reading: PolicyReading, value: unknown, path: string): ConstraintNode[] {
  if (value === undefined) return [];
  return listOf(value).flatMap((item, i) => {
    const node = readConstraintNode(reading, item, elementPath(path, value, i), new Set());
    return node ? [node] : [];
  });
}

function readConstraintNode(
  reading: PolicyReading,
  item: unknown,
  path: string,
  following: ReadonlySet<string>,
): ConstraintNode | null {
  if (!isObject(item)) {
    reading.fail(path, 'must be a constraint (an object)');
    return null;
  }
  const keys = Object.keys(item);
  if (keys.length === 1 && keys[0] === '@id' && typeof item['@id'] === 'string') {
    const uid = reading.context.expandIri(item['@id']) ?? item['@id'];
    const found = reading.constraintsByUid.get(uid);
    if (!found) {
      reading.fail(
        path,
        `names the constraint ${uid}, which this policy does not hold (constraints are never fetched)`,
      );
      return null;
    }
    if (following.has(uid)) {
      reading.fail(path, `the constraint ${uid} refers to itself`);
      return null;
    }
    return readConstraintNode(reading, found.node, path, new Set([...following, uid]));
  }
  const logical = keys.map((key) => reading.context.expandKey(key)).find((iri) => iri && LOGICAL_OPERANDS.has(iri));
  return logical ? readLogical(reading, item, path, following) : readConstraint(reading, item, path);
}

function readLogical(
  reading: PolicyReading,
  item: JsonObject,
  path: string,
  following: ReadonlySet<string>,
): ConstraintNode | null {
  const found = reading.properties(item, path, LOGICAL_KEYS);
  const operands = [...found.entries()].filter(([iri]) => LOGICAL_OPERANDS.has(iri));
  if (operands.length !== 1) {
    reading.fail(path, 'a logical constraint has exactly one of and, or, xone, andSequence');
    return null;
  }
  const [[iri, { key, value }]] = operands;
  const members = listOf(value);
  if (members.length < 2) reading.fail(`${path}.${key}`, 'a logical constraint compares two or more constraints');
  const constraints = members.flatMap((member, i) => {
    const node = readConstraintNode(reading, member, `${path}.${key}[${i}]`, following);
    return node ? [node] : [];
  });
  const uids = constraints.map((c) => c.uid).filter((uid) => uid !== undefined);
  if (new Set(uids).size !== uids.length) reading.fail(`${path}.${key}`, 'names one constraint twice');
  return { kind: 'logical', path, uid: uidOf(reading, found), operand: LOGICAL_OPERANDS.get(iri)!, constraints };
}

function readConstraint(reading: PolicyReading, item: JsonObject, path: string): AtomicConstraint | null {
  const found = reading.properties(item, path, CONSTRAINT_KEYS);
  const left = found.get(odrl('leftOperand'));
  const operatorProperty = found.get(odrl('operator'));
  const leftOperand = vocabTerm(reading, left?.value, `${path}.leftOperand`, 'leftOperand');
  const operator = vocabTerm(reading, operatorProperty?.value, `${path}.operator`, 'operator');
  if (leftOperand) {
    if (DEPRECATED_LEFT_OPERANDS.has(leftOperand))
      reading.fail(`${path}.${left!.key}`, `${shortName(leftOperand)} is deprecated in ODRL 2.2`);
    else if (!LEFT_OPERANDS.has(leftOperand))
      reading.fail(`${path}.${left!.key}`, `unknown leftOperand ${left!.value as string}`);
    else reading.noteTerm(leftOperand, `${path}.${left!.key}`);
  }
  if (operator && !RELATIONAL_OPERATORS.has(operator) && !SET_OPERATORS.has(operator))
    reading.fail(`${path}.${operatorProperty!.key}`, `unknown operator ${operatorProperty!.value as string}`);
  if (found.has(odrl('rightOperandReference'))) {
    reading.fail(
      `${path}.rightOperandReference`,
      'is not taken: the suite never dereferences an IRI; give rightOperand',
    );
    return null;
  }
  const right = found.get(odrl('rightOperand'));
  if (!right) {
    reading.fail(`${path}.rightOperand`, 'a constraint needs a rightOperand');
    return null;
  }
  if (!leftOperand || !operator || reading.errors.some((e) => e.field.startsWith(`${path}.`))) return null;
  const rightPath = `${path}.${right.key}`;
  const rightOperand = readOperandValues(reading, right.value, rightPath);
  if (!rightOperand) return null;
  const setBased = SET_OPERATORS.has(operator);
  if (setBased && rightOperand.length === 0) reading.fail(rightPath, `${shortName(operator)} needs a list of values`);
  if (!setBased && rightOperand.length !== 1)
    reading.fail(rightPath, `${shortName(operator)} compares one value; use isAnyOf, isAllOf or isNoneOf for a list`);
  const unit = iriValue(reading, found.get(odrl('unit')), `${path}.unit`);
  const dataType = iriValue(reading, found.get(odrl('dataType')), `${path}.dataType`);
  const status = found.get(odrl('status'))?.value;
  if (status !== undefined && typeof status !== 'string' && typeof status !== 'number')
    reading.fail(`${path}.status`, 'must be a number or a string');
  const constraint: AtomicConstraint = {
    kind: 'constraint',
    path,
    uid: uidOf(reading, found),
    leftOperand,
    operator,
    rightOperand,
    ...(unit && { unit }),
    ...(dataType && { dataType }),
    ...((typeof status === 'string' || typeof status === 'number') && { status }),
  };
  const problem = checkRightOperand(constraint);
  if (problem) reading.fail(problem.field ?? rightPath, problem.message);
  return constraint;
}

function vocabTerm(reading: PolicyReading, value: unknown, path: string, what: string): string | null {
  if (value === undefined) {
    reading.fail(path, `a constraint needs a ${what}`);
    return null;
  }
  const text = isObject(value) && typeof value['@id'] === 'string' ? value['@id'] : value;
  if (typeof text !== 'string') {
    reading.fail(path, `must name a ${what}`);
    return null;
  }
  const iri = reading.context.expandVocab(text);
  if (!iri) reading.fail(path, `unknown ${what} ${text}`);
  return iri;
}

function iriValue(reading: PolicyReading, property: { value: unknown } | undefined, path: string): string | undefined {
  if (property === undefined) return undefined;
  const text = isObject(property.value) ? property.value['@id'] : property.value;
  const iri = typeof text === 'string' ? reading.context.expandIri(text) : null;
  if (!iri) reading.fail(path, 'must be an IRI');
  return iri ?? undefined;
}

function uidOf(reading: PolicyReading, found: Map<string, { value: unknown }>): string | undefined {
  const uid = found.get('@id')?.value;
  return typeof uid === 'string' ? (reading.context.expandIri(uid) ?? uid) : undefined;
}

/** A right operand's values: literals (typed with `@value`/`@type`, or bare) and IRIs (`{"@id": …}`). */
function readOperandValues(reading: PolicyReading, value: unknown, path: string): OperandValue[] | null {
  const values: OperandValue[] = [];
  const items = listOf(value);
  for (const [i, item] of items.entries()) {
    const at = elementPath(path, value, i);
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      values.push({ literal: item });
    else if (isObject(item) && typeof item['@id'] === 'string' && Object.keys(item).length === 1) {
      const iri = reading.context.expandVocab(item['@id']);
      if (!iri) reading.fail(at, `${item['@id']} is not an IRI`);
      else values.push({ iri });
    } else if (isObject(item) && '@value' in item && Object.keys(item).every((k) => k === '@value' || k === '@type')) {
      const literal = item['@value'];
      const type = item['@type'];
      const datatype = typeof type === 'string' ? reading.context.expandIri(type) : undefined;
      if (typeof literal !== 'string' && typeof literal !== 'number' && typeof literal !== 'boolean')
        reading.fail(at, '@value must be a string, a number or a boolean');
      else if (type !== undefined && !datatype) reading.fail(at, '@type must be a datatype IRI such as xsd:decimal');
      else values.push({ literal, ...(datatype && { datatype }) });
    } else {
      reading.fail(at, 'must be a literal, {"@value": …, "@type": …} or {"@id": …}');
      return null;
    }
  }
  return values;
}
