import type { FieldError } from '@libs/contracts';
import {
  ODRL_CONTEXT_IRI,
  PINNED_CONTEXT_IRIS,
  pinnedContext,
  RIGHTSML_CONTEXT_IRI,
  SUITE_CONTEXT_IRI,
  TermDefinition,
} from './pinned-contexts';

interface Term {
  iri: string;
  /** `@id` or `@vocab`: the term's string values are IRIs (for `@vocab`, terms first). */
  type?: string;
}

/** `scheme:` as RFC 3987 starts an absolute IRI. */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
const PREFIX_IRI = /[/#:?]$/;

/**
 * What the terms of a JSON-LD document mean, from the contexts it names: only the pinned ones
 * (`pinned-contexts.ts`), plus inline objects that declare prefixes and nothing else (as the ODRL
 * examples add `{ "vcard": "…" }`). Expansion follows JSON-LD 1.1 for the compacted documents
 * ODRL writes: a term, a compact IRI `prefix:suffix`, or an absolute IRI; no `@vocab`, no `@base`.
 */
export class ActiveContext {
  private constructor(
    private readonly terms: ReadonlyMap<string, Term>,
    private readonly prefixes: ReadonlyMap<string, string>,
  ) {}

  /** The contexts the suite's own policies name (ODRL's, RightsML's and the suite's), for its own term lookups. */
  static suite(): ActiveContext {
    return ActiveContext.build([ODRL_CONTEXT_IRI, RIGHTSML_CONTEXT_IRI, SUITE_CONTEXT_IRI], new Map()).context;
  }

  /** The document's `@context`, or the errors naming each entry the suite cannot take. */
  static of(context: unknown): { context: ActiveContext; errors: FieldError[] } {
    const entries = Array.isArray(context) ? context : context === undefined ? [] : [context];
    const errors: FieldError[] = [];
    const named: string[] = [];
    const inline = new Map<string, string>();
    const at = (i: number) => (Array.isArray(context) ? `@context[${i}]` : '@context');
    if (entries.length === 0)
      errors.push({ field: '@context', message: `must name the ODRL context (${ODRL_CONTEXT_IRI})` });
    entries.forEach((entry, i) => {
      if (typeof entry === 'string') {
        if (pinnedContext(entry)) named.push(entry);
        else
          errors.push({
            field: at(i),
            message: `${entry} is not a context the suite ships (${PINNED_CONTEXT_IRIS.join(', ')}); contexts are never fetched`,
          });
      } else if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        for (const [prefix, iri] of Object.entries(entry as Record<string, unknown>)) {
          if (
            typeof iri === 'string' &&
            /^[A-Za-z][\w-]*$/.test(prefix) &&
            PREFIX_IRI.test(iri) &&
            ABSOLUTE_IRI.test(iri)
          )
            inline.set(prefix, iri);
          else
            errors.push({
              field: `${at(i)}.${prefix}`,
              message: 'an inline context may only declare prefixes (a name and an IRI ending in /, # or :)',
            });
        }
      } else errors.push({ field: at(i), message: 'must be a context IRI or an object of prefixes' });
    });
    for (const [prefix, namespace] of inline)
      if (named.some((iri) => ![undefined, namespace].includes(pinnedContext(iri)?.[prefix] as string | undefined))) {
        errors.push({
          field: '@context',
          message: `${prefix} is a term of the pinned contexts: it cannot be redefined`,
        });
        inline.delete(prefix);
      }
    if (entries.length > 0 && !named.some((iri) => pinnedContext(iri) === pinnedContext(ODRL_CONTEXT_IRI)))
      errors.push({ field: '@context', message: `must name the ODRL context (${ODRL_CONTEXT_IRI})` });
    return { ...ActiveContext.build(named, inline), errors };
  }

  private static build(named: readonly string[], inline: ReadonlyMap<string, string>): { context: ActiveContext } {
    const raw = new Map<string, TermDefinition>();
    for (const iri of named)
      for (const [term, definition] of Object.entries(pinnedContext(iri) ?? {})) raw.set(term, definition);
    for (const [prefix, iri] of inline) raw.set(prefix, iri);
    const prefixes = new Map<string, string>();
    for (const [term, definition] of raw)
      if (typeof definition === 'string' && PREFIX_IRI.test(definition) && ABSOLUTE_IRI.test(definition))
        prefixes.set(term, definition);
    const terms = new Map<string, Term>();
    const expandDefinition = (iri: string) => (iri.startsWith('@') ? iri : (expandCompact(iri, prefixes) ?? iri));
    for (const [term, definition] of raw) {
      if (prefixes.has(term)) continue;
      if (typeof definition === 'string') terms.set(term, { iri: expandDefinition(definition) });
      else terms.set(term, { iri: expandDefinition(definition['@id']), type: definition['@type'] });
    }
    return { context: new ActiveContext(terms, prefixes) };
  }

  /** The IRI a property key stands for (`permission`, `odrl:permission`, `dct:title`), or a keyword as it is. */
  expandKey(key: string): string | null {
    if (key.startsWith('@')) return key;
    const term = this.terms.get(key);
    if (term) return term.iri;
    return this.expandIri(key);
  }

  /** How the values of a property key are read: `@id` and `@vocab` mean IRIs. */
  typeOf(key: string): string | undefined {
    return this.terms.get(key)?.type;
  }

  /** A term's IRI (for `@vocab` values and `@type`), else as a compact or absolute IRI. */
  expandVocab(value: string): string | null {
    const term = this.terms.get(value);
    if (term && !term.iri.startsWith('@')) return term.iri;
    return this.expandIri(value);
  }

  /** A compact IRI (`rev:aiTrain`) or an absolute IRI; null for anything else (a relative reference). */
  expandIri(value: string): string | null {
    return expandCompact(value, this.prefixes) ?? (ABSOLUTE_IRI.test(value) ? value : null);
  }
}

function expandCompact(value: string, prefixes: ReadonlyMap<string, string>): string | null {
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  const suffix = value.slice(colon + 1);
  if (suffix.startsWith('//')) return null;
  const namespace = prefixes.get(value.slice(0, colon));
  return namespace === undefined ? null : `${namespace}${suffix}`;
}
