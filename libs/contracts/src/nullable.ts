import { getMetadataStorage } from 'class-validator';

type Json = Record<string, unknown>;
type Constructor = abstract new (...args: never[]) => unknown;

const nullableProperties = new Map<Constructor, Set<string>>();

/**
 * The property may hold `null` (declared `x: T | null`). Validation already lets null through
 * `@IsOptional()`; this tells the API documents, whose generators cannot see `| null` in the
 * emitted type metadata. A house rule checks that every `| null` of a contract carries it.
 */
export function Nullable(): PropertyDecorator {
  return (target, key) => {
    const owner = target.constructor as Constructor;
    const keys = nullableProperties.get(owner) ?? new Set<string>();
    keys.add(String(key));
    nullableProperties.set(owner, keys);
  };
}

/** The nullable properties of a class, its ancestors' included. */
function nullableKeysOf(type: Constructor): Set<string> {
  const keys = new Set<string>();
  for (let current: unknown = type; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    for (const key of nullableProperties.get(current as Constructor) ?? []) keys.add(key);
  }
  return keys;
}

/**
 * Marks the nullable properties in schemas generated from the contract classes (keyed by class
 * name): `nullable: true` for OpenAPI 3.0, `null` among the types for JSON Schema (AsyncAPI).
 */
export function markNullable(schemas: Record<string, unknown>, style: 'openapi-3.0' | 'json-schema'): void {
  const classes = new Map<string, Constructor>();
  for (const type of knownClasses()) classes.set(type.name, type);
  for (const [name, schema] of Object.entries(schemas)) {
    const type = classes.get(name);
    const properties = (schema as { properties?: Record<string, Json> }).properties;
    if (!type || !properties) continue;
    for (const key of nullableKeysOf(type)) {
      const property = properties[key];
      if (property) properties[key] = nullableSchema(property, style);
    }
  }
}

function nullableSchema(property: Json, style: 'openapi-3.0' | 'json-schema'): Json {
  // an enum lists its values: null must be one of them, in both styles
  const withNull = Array.isArray(property.enum)
    ? { ...property, enum: [...(property.enum as unknown[]), null] }
    : property;
  if (style === 'openapi-3.0') {
    // OpenAPI 3.0 reads `nullable` only beside a `type`: a nullable reference is an object that is all of it
    return typeof withNull.type === 'string'
      ? { ...withNull, nullable: true }
      : { type: 'object', allOf: [withNull], nullable: true };
  }
  if (typeof withNull.type === 'string') return { ...withNull, type: [withNull.type, 'null'] };
  return { anyOf: [withNull, { type: 'null' }] };
}

/** Every class class-validator holds rules for, and every class with a nullable property. */
function knownClasses(): Constructor[] {
  // class-validator keeps its rules in a Map keyed by class (not a public API, but stable since 0.14)
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> };
  const targets = new Set<Constructor>(nullableProperties.keys());
  for (const target of storage.validationMetadatas.keys())
    if (typeof target === 'function') targets.add(target as Constructor);
  return [...targets];
}
