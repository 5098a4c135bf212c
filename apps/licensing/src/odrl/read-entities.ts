import type { AtomicEntity } from './atomic-policy';
import { odrl } from './odrl-vocabulary';
import { elementPath, isObject, PolicyReading } from './policy-reading';
import { readConstraints } from './read-constraints';

const ENTITY_KEYS: ReadonlySet<string> = new Set(['@id', '@type', ...['source', 'refinement', 'partOf'].map(odrl)]);

/**
 * The assets (`kind` asset) or parties of a relation or function at `path`: an IRI, or an object
 * with `uid`, typed `AssetCollection`/`PartyCollection` when it stands for many, which may narrow
 * its members with a `refinement` (then named by `source`, as the Information Model requires).
 * Several values make several atomic rules.
 */
export function readEntities(
  reading: PolicyReading,
  value: unknown,
  path: string,
  kind: 'asset' | 'party',
): AtomicEntity[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item, i) => {
    const at = elementPath(path, value, i);
    const entity = readEntity(reading, item, at, kind);
    return entity ? [entity] : [];
  });
}

function readEntity(reading: PolicyReading, item: unknown, path: string, kind: 'asset' | 'party'): AtomicEntity | null {
  if (typeof item === 'string') {
    const uid = reading.context.expandIri(item);
    if (!uid) reading.fail(path, `${item} is not an absolute IRI`);
    return uid ? { uid, collection: false, refinement: [] } : null;
  }
  if (!isObject(item)) {
    reading.fail(path, `must be the IRI of the ${kind} or an object describing it`);
    return null;
  }
  const found = reading.properties(item, path, ENTITY_KEYS, true);
  const collectionType = odrl(kind === 'asset' ? 'AssetCollection' : 'PartyCollection');
  const plainType = odrl(kind === 'asset' ? 'Asset' : 'Party');
  const types = [found.get('@type')?.value ?? []].flat();
  let collection = false;
  for (const type of types) {
    const iri = typeof type === 'string' ? reading.context.expandVocab(type) : null;
    if (iri === collectionType) collection = true;
    else if (iri?.startsWith('http://www.w3.org/ns/odrl/2/') && iri !== plainType)
      reading.fail(`${path}.@type`, `${String(type)} is not a type of ${kind}`);
    else if (!iri) reading.fail(`${path}.@type`, `${String(type)} is not a type the policy's contexts define`);
  }
  const iriOf = (key: string) => {
    const property = found.get(key);
    if (!property) return undefined;
    const iri = typeof property.value === 'string' ? reading.context.expandIri(property.value) : null;
    if (!iri) reading.fail(`${path}.${property.key}`, 'must be an absolute IRI');
    return iri ?? undefined;
  };
  const uid = iriOf('@id');
  const source = iriOf(odrl('source'));
  const refinementProperty = found.get(odrl('refinement'));
  const refinement = readConstraints(
    reading,
    refinementProperty?.value,
    `${path}.${refinementProperty?.key ?? 'refinement'}`,
  );
  if (refinement.length > 0 && !collection)
    reading.fail(
      `${path}.refinement`,
      `only a collection (${kind === 'asset' ? 'AssetCollection' : 'PartyCollection'}) is refined`,
    );
  if (refinement.length > 0 && uid)
    reading.fail(`${path}.uid`, 'a refined collection is named by source, not uid (the Information Model)');
  if ((source || refinement.length > 0) && !collection)
    reading.fail(
      `${path}.source`,
      `source names a collection: type it ${kind === 'asset' ? 'AssetCollection' : 'PartyCollection'}`,
    );
  if (!uid && !source) {
    reading.fail(path, `needs a uid (or, for a refined collection, a source)`);
    return null;
  }
  return { ...(uid && { uid }), ...(source && { source }), collection, refinement };
}
