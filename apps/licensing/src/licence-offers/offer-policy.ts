import { ValidationFailedError } from '@libs/common';
import type { FieldError, OdrlPolicyDocument } from '@libs/contracts';
import { agencyIri, catalogIri, licenceOfferIri } from '../odrl/agency-iris';
import type { AtomicEntity } from '../odrl/atomic-policy';
import { odrl } from '../odrl/odrl-vocabulary';
import { readPolicy } from '../odrl/read-policy';

/**
 * The draft ODRL Offer of an agency's licence offer, or a 400 naming each field at fault (the
 * path inside `policy`). Beyond ODRL 2.2 validity: it is an Offer; the suite names it (its uid is
 * the offer's IRI) and its assigner (the agency, filled in when left out); and it offers only the
 * agency's own content (its catalog, a section or an article).
 */
export function offerPolicy(tenantId: string, offerId: string, document: OdrlPolicyDocument): OdrlPolicyDocument {
  const uid = licenceOfferIri(tenantId, offerId);
  const agency = agencyIri(tenantId);
  const errors: FieldError[] = [];
  const idKey = ['uid', '@id'].find((key) => key in document);
  if (idKey && document[idKey] !== uid)
    errors.push({ field: `policy.${idKey}`, message: `the suite names this offer ${uid}: leave ${idKey} out` });
  const policy: OdrlPolicyDocument = { ...document, [idKey ?? 'uid']: uid };
  if (policy.assigner === undefined) policy.assigner = agency;
  const read = readPolicy(policy);
  if (!read.ok) throw new ValidationFailedError([...errors, ...read.errors.map(inPolicy)]);
  if (read.policy.type !== 'Offer')
    errors.push({ field: 'policy.@type', message: 'a licence offer is an ODRL Offer ("@type": "Offer")' });
  const own = `${agency}/`;
  const rules = [...read.policy.permissions, ...read.policy.prohibitions, ...read.policy.obligations];
  for (const rule of rules) {
    if (rule.parties.get(odrl('assigner'))?.uid !== agency)
      errors.push({ field: `policy.${rule.path}.assigner`, message: `the agency (${agency}) offers its own content` });
    if (rule.target && !isAgencyContent(rule.target, tenantId))
      errors.push({
        field: `policy.${rule.path}.target`,
        message: `an offer licenses the agency's own content: ${catalogIri(tenantId)}, a section or an article under ${own}`,
      });
  }
  if (errors.length > 0) throw new ValidationFailedError(dedupe(errors));
  return policy;
}

/** A published revision's document: the draft, its uid naming the revision. */
export function revisionPolicy(draft: OdrlPolicyDocument, revisionUid: string): OdrlPolicyDocument {
  const idKey = ['uid', '@id'].find((key) => key in draft) ?? 'uid';
  return { ...draft, [idKey]: revisionUid };
}

function isAgencyContent(target: AtomicEntity, tenantId: string): boolean {
  const name = target.uid ?? target.source ?? '';
  const agency = agencyIri(tenantId);
  return (
    name === catalogIri(tenantId) || name.startsWith(`${agency}/sections/`) || name.startsWith(`${agency}/articles/`)
  );
}

function inPolicy(error: FieldError): FieldError {
  return { field: error.field === 'body' ? 'policy' : `policy.${error.field}`, message: error.message };
}

function dedupe(errors: FieldError[]): FieldError[] {
  return errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.message === e.message) === i);
}
