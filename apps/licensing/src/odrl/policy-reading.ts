import type { FieldError } from '@libs/contracts';
import { ActiveContext } from './active-context';
import { CORE_TERMS, METADATA_NAMESPACES, SUITE } from './odrl-vocabulary';

export type JsonObject = Record<string, unknown>;

/** The properties of one node, by the IRI each key stands for, with the key as written. */
export type NodeProperties = Map<string, { key: string; value: unknown }>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value or a list of them, as JSON-LD lets a property hold either. */
export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value['@list'])) return value['@list'] as unknown[];
  return [value];
}

/** `base[i]` for an element of a list written as an array, `base` for a single value. */
export function elementPath(base: string, value: unknown, index: number): string {
  if (Array.isArray(value)) return `${base}[${index}]`;
  if (isObject(value) && Array.isArray(value['@list'])) return `${base}[${index}]`;
  return base;
}

/**
 * The state of reading one document: its context, every error found so far (each naming its
 * path), the terms outside ODRL's core it used (they need a profile) and its constraints by uid
 * (logical constraints may name them).
 */
export class PolicyReading {
  readonly errors: FieldError[] = [];
  readonly nonCoreTerms = new Map<string, string>();
  readonly constraintsByUid = new Map<string, { node: JsonObject; path: string }>();
  /** Atomic rules made so far; expansion stops at {@link MAX_ATOMIC_RULES}. */
  atomicRules = 0;

  constructor(readonly context: ActiveContext) {}

  fail(field: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ field, message });
  }

  /** A vocabulary term used at `path`: outside ODRL's core it needs a profile. */
  noteTerm(iri: string, path: string): void {
    if (!CORE_TERMS.has(iri) && !this.nonCoreTerms.has(iri)) this.nonCoreTerms.set(iri, path);
  }

  usesSuiteTerms(): boolean {
    return [...this.nonCoreTerms.keys()].some((iri) => iri.startsWith(SUITE));
  }

  /**
   * The node's keys as IRIs. A key that stands for none of `allowed` (IRIs or keywords) is an
   * error naming it, unless `metadata` admits it as a property of a metadata vocabulary (Dublin
   * Core, vCard, FOAF, schema.org) describing a policy, a party or an asset.
   */
  properties(node: JsonObject, path: string, allowed: ReadonlySet<string>, metadata = false): NodeProperties {
    const found: NodeProperties = new Map();
    for (const [key, value] of Object.entries(node)) {
      const iri = this.context.expandKey(key);
      const at = path ? `${path}.${key}` : key;
      if (iri && allowed.has(iri)) {
        if (found.has(iri)) this.fail(at, `repeats ${found.get(iri)!.key}`);
        else found.set(iri, { key, value });
      } else if (iri && metadata && METADATA_NAMESPACES.some((namespace) => iri.startsWith(namespace))) {
        continue;
      } else if (iri === '@context' && path !== '') {
        this.fail(at, 'a nested context is not taken: name every context at the top of the policy');
      } else {
        this.fail(
          at,
          iri ? `${key} (${iri}) is not a term that belongs here` : `${key} is not a term of the policy's contexts`,
        );
      }
    }
    return found;
  }
}

/** A document with more errors than this is refused with the first of them. */
const MAX_ERRORS = 50;
/** Compact rules expanded into more atomic rules than this are refused (a cartesian product runs away). */
export const MAX_ATOMIC_RULES = 500;
