import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON-LD term definition as the pinned contexts write them: an IRI, or an IRI with a value type. */
export type TermDefinition = string | { '@id': string; '@type'?: string };

/**
 * The JSON-LD contexts a policy may name in `@context`, shipped with the service in `contexts/`
 * and never fetched: a context named by any other IRI is refused, so what a term means can
 * never change under a stored policy.
 *
 * `odrl-2.2.context.jsonld` is the W3C's ODRL 2.2 context (http://www.w3.org/ns/odrl.jsonld)
 * as published, with these corrections:
 * - `neq` maps to `odrl:neq`; the published context mapped it to `odrl:neg`, an IRI the
 *   vocabulary does not have (w3c/poe#305 and #311; corrected at the W3C in 2025, still wrong
 *   in many copies).
 * - `industry` maps to `odrl:industry`; the published context has a trailing colon
 *   (`odrl:industry:`), which names another IRI.
 * - `dataType` maps to `odrl:dataType`, the vocabulary's property (the context had
 *   `odrl:datatype`), and its values are IRIs (`xsd:decimal`), not literals of `xsd:anyType`.
 * - `unit` takes IRIs (`"@type": "@id"`): the Information Model types it as an IRI, and the
 *   published context left it a plain literal.
 * - `synchronize`, an action of the ODRL 2.2 vocabulary, was missing.
 *
 * `rightsml-2.0.context.jsonld` names the IPTC RightsML vocabulary's namespace, its
 * `removeFromService` action and IPTC's ISO 3166-1 alpha-3 code IRIs (`iso3166-1a3:VNM`), as the
 * RightsML 2.0 examples write territories. IPTC publishes no JSON-LD context of its own.
 *
 * `revenue-suite.context.jsonld` is the suite's own profile (`rev:`): the AI and search actions
 * ODRL and RightsML lack, link-back, sections, revenue share and the units payments count.
 */
export const ODRL_CONTEXT_IRI = 'http://www.w3.org/ns/odrl.jsonld';
export const RIGHTSML_CONTEXT_IRI = 'https://revenue-suite.dev/ns/rightsml.jsonld';
export const SUITE_CONTEXT_IRI = 'https://revenue-suite.dev/ns/odrl.jsonld';

const FILES: Record<string, string> = {
  [ODRL_CONTEXT_IRI]: 'odrl-2.2.context.jsonld',
  // The W3C serves the same document over https; policies in the wild name either.
  'https://www.w3.org/ns/odrl.jsonld': 'odrl-2.2.context.jsonld',
  [RIGHTSML_CONTEXT_IRI]: 'rightsml-2.0.context.jsonld',
  [SUITE_CONTEXT_IRI]: 'revenue-suite.context.jsonld',
};

function load(file: string): Record<string, TermDefinition> {
  const text = readFileSync(join(__dirname, 'contexts', file), 'utf8');
  return (JSON.parse(text) as { '@context': Record<string, TermDefinition> })['@context'];
}

const BY_FILE = new Map(Object.values(FILES).map((file) => [file, load(file)]));
/** One object per file: the ODRL context named over http and over https is the same context. */
const LOADED = new Map<string, Record<string, TermDefinition>>(
  Object.entries(FILES).map(([iri, file]) => [iri, BY_FILE.get(file)!]),
);

/** The term definitions of a pinned context, or undefined for an IRI the suite does not ship. */
export function pinnedContext(iri: string): Readonly<Record<string, TermDefinition>> | undefined {
  return LOADED.get(iri);
}

/** The document of a pinned context, to serve it to whoever reads the suite's policies. */
export function pinnedContextDocument(iri: string): { '@context': Record<string, TermDefinition> } | undefined {
  const context = LOADED.get(iri);
  return context && { '@context': { ...context } };
}

/** Every context IRI a policy may name. */
export const PINNED_CONTEXT_IRIS: readonly string[] = Object.keys(FILES);

/** The contexts every policy the suite writes names: ODRL's, then the suite's. */
export const SUITE_POLICY_CONTEXT: readonly string[] = [ODRL_CONTEXT_IRI, SUITE_CONTEXT_IRI];
