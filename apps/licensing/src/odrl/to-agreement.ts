import { ActiveContext } from './active-context';
import { odrl } from './odrl-vocabulary';
import { isObject, JsonObject, listOf } from './policy-reading';

export interface AgreementTerms {
  /** The Agreement's own uid. */
  uid: string;
  /** The party the offer is granted to (a licensee's IRI). */
  assignee: string;
  /** The term: permissions hold from `start` and, when given, until before `end`. */
  start: Date;
  end: Date | null;
}

/**
 * The Agreement an Offer revision becomes when a licensee accepts it: the same rules, now granted
 * to `assignee` (at the policy level, so every rule has it), each permission limited to the term
 * by `dateTime` constraints, and `dct:source` naming the offer revision it came from. The offer
 * document is left as it is; prohibitions and obligations are carried over unchanged.
 */
export function toAgreement(offer: JsonObject, terms: AgreementTerms): JsonObject {
  const context = ActiveContext.of(offer['@context']).context;
  const keyOf = (iri: string) => Object.keys(offer).find((key) => context.expandKey(key) === iri);
  const agreement: JsonObject = structuredClone(offer);
  const idKey = keyOf('@id') ?? 'uid';
  const source = offer[idKey];
  delete agreement[idKey];
  delete agreement[keyOf('@type') ?? '@type'];
  const term = [dateTime('gteq', terms.start), ...(terms.end ? [dateTime('lt', terms.end)] : [])];
  const permissionKey = keyOf(odrl('permission'));
  if (permissionKey)
    agreement[permissionKey] = listOf(agreement[permissionKey]).map((rule) => {
      if (!isObject(rule)) return rule;
      const constraintKey =
        Object.keys(rule).find((key) => context.expandKey(key) === odrl('constraint')) ?? 'constraint';
      const own = rule[constraintKey] === undefined ? [] : listOf(rule[constraintKey]);
      return { ...rule, [constraintKey]: [...own, ...term] };
    });
  return {
    '@context': agreement['@context'],
    '@type': 'Agreement',
    uid: terms.uid,
    ...Object.fromEntries(Object.entries(agreement).filter(([key]) => key !== '@context')),
    [keyOf(odrl('assignee')) ?? 'assignee']: terms.assignee,
    'dct:source': { '@id': source },
  };
}

function dateTime(operator: 'gteq' | 'lt', at: Date): JsonObject {
  return { leftOperand: 'dateTime', operator, rightOperand: { '@value': at.toISOString(), '@type': 'xsd:dateTime' } };
}
