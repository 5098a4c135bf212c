import { ActiveContext } from './active-context';
import { ODRL_CONTEXT_IRI, pinnedContext, pinnedContextDocument, PINNED_CONTEXT_IRIS } from './pinned-contexts';

describe('the pinned JSON-LD contexts', () => {
  const odrlTerms = ActiveContext.of([ODRL_CONTEXT_IRI]).context;

  it.each([
    ['neq', 'http://www.w3.org/ns/odrl/2/neq'],
    ['industry', 'http://www.w3.org/ns/odrl/2/industry'],
    ['dataType', 'http://www.w3.org/ns/odrl/2/dataType'],
    ['synchronize', 'http://www.w3.org/ns/odrl/2/synchronize'],
    ['display', 'http://www.w3.org/ns/odrl/2/display'],
  ])('maps %s to %s (the published context has it wrong or missing)', (term, iri) => {
    expect(odrlTerms.expandVocab(term)).toBe(iri);
  });

  it('reads unit as an IRI, as the Information Model types it', () => {
    expect(odrlTerms.typeOf('unit')).toBe('@id');
  });

  it('ships every context it names, and the ODRL context over http and https alike', () => {
    for (const iri of PINNED_CONTEXT_IRIS) expect(pinnedContextDocument(iri)?.['@context']).toBeDefined();
    expect(pinnedContext('https://www.w3.org/ns/odrl.jsonld')).toBe(pinnedContext(ODRL_CONTEXT_IRI));
    expect(pinnedContext('https://example.com/context.jsonld')).toBeUndefined();
  });

  it("expands the suite's and RightsML's terms under their namespaces", () => {
    const suite = ActiveContext.suite();
    expect(suite.expandVocab('aiTrain')).toBe('https://revenue-suite.dev/ns/odrl/aiTrain');
    expect(suite.expandVocab('removeFromService')).toBe('http://iptc.org/std/RightsML/2011-10-07/removeFromService');
    expect(suite.expandIri('iso3166-1a3:VNM')).toBe('http://cvx.iptc.org/iso3166-1a3/VNM');
  });
});
