import type { ConstraintNode } from './atomic-policy';
import { ACTION_PARENT, DEPRECATED_ACTIONS, odrl, RDF_VALUE, shortName } from './odrl-vocabulary';
import { elementPath, isObject, PolicyReading } from './policy-reading';
import { readConstraints } from './read-constraints';

export interface ReadAction {
  iri: string;
  refinement: ConstraintNode[];
}

const REFINED_ACTION_KEYS: ReadonlySet<string> = new Set([RDF_VALUE, odrl('refinement')]);

/**
 * The actions at `path`: a term (`display`, `aiTrain`), a compact or absolute IRI, `{"@id": …}`,
 * or an action with a refinement (`{"rdf:value": {"@id": "odrl:print"}, "refinement": […]}`).
 * An action the vocabulary does not define, or one ODRL 2.2 deprecated, is an error naming it.
 */
export function readActions(reading: PolicyReading, value: unknown, path: string): ReadAction[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item, i) => {
    const at = elementPath(path, value, i);
    const action = readAction(reading, item, at);
    return action ? [action] : [];
  });
}

function readAction(reading: PolicyReading, item: unknown, path: string): ReadAction | null {
  if (typeof item === 'string') return known(reading, reading.context.expandVocab(item), item, path, []);
  if (isObject(item) && Object.keys(item).length === 1 && typeof item['@id'] === 'string')
    return known(reading, reading.context.expandIri(item['@id']), item['@id'], path, []);
  if (!isObject(item)) {
    reading.fail(path, 'must name an action');
    return null;
  }
  const found = reading.properties(item, path, REFINED_ACTION_KEYS);
  const value = found.get(RDF_VALUE);
  const id = isObject(value?.value) ? value.value['@id'] : undefined;
  if (typeof id !== 'string') {
    reading.fail(`${path}.rdf:value`, 'an action with a refinement names its action as rdf:value {"@id": …}');
    return null;
  }
  const refinementProperty = found.get(odrl('refinement'));
  const refinement = readConstraints(
    reading,
    refinementProperty?.value,
    `${path}.${refinementProperty?.key ?? 'refinement'}`,
  );
  return known(reading, reading.context.expandIri(id) ?? reading.context.expandVocab(id), id, path, refinement);
}

function known(
  reading: PolicyReading,
  iri: string | null,
  written: string,
  path: string,
  refinement: ConstraintNode[],
): ReadAction | null {
  const named = iri ?? (/^[A-Za-z]+$/.test(written) ? odrl(written) : null);
  if (named && DEPRECATED_ACTIONS.has(named)) {
    reading.fail(path, `${shortName(named)} is deprecated in ODRL 2.2`);
    return null;
  }
  if (!iri || !ACTION_PARENT.has(iri)) {
    reading.fail(path, `unknown action ${written}`);
    return null;
  }
  reading.noteTerm(iri, path);
  return { iri, refinement };
}
