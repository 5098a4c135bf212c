import type { CreateExperimentRequest, FieldError, OfferView, PolicyView } from '@libs/contracts';

/** What a request's shape cannot check: what each target needs, and that what arms refer to exists. */
export function experimentErrors(
  request: CreateExperimentRequest,
  policies: PolicyView[],
  offers: OfferView[],
): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  request.arms.forEach((arm, index) => {
    if (names.has(arm.name)) errors.push({ field: `arms[${index}].name`, message: 'each arm name may appear once' });
    names.add(arm.name);
  });
  if (request.target === 'meter-limit') {
    const policy = policies.find((p) => p.id === request.policyId);
    if (!request.policyId) errors.push({ field: 'policyId', message: 'policyId is needed by meter-limit experiments' });
    else if (!policy || policy.rule.kind !== 'metered')
      errors.push({ field: 'policyId', message: 'policyId must be a metered policy of the current revision' });
    request.arms.forEach((arm, index) => {
      if (arm.limit === undefined)
        errors.push({ field: `arms[${index}].limit`, message: 'limit is needed by meter-limit experiments' });
      if (arm.offerId !== undefined)
        errors.push({ field: `arms[${index}].offerId`, message: 'offerId does not apply to meter-limit experiments' });
    });
  } else {
    if (request.policyId !== undefined)
      errors.push({ field: 'policyId', message: 'policyId does not apply to offer experiments' });
    request.arms.forEach((arm, index) => {
      if (arm.offerId === undefined)
        errors.push({ field: `arms[${index}].offerId`, message: 'offerId is needed by offer experiments' });
      else if (!offers.some((offer) => offer.id === arm.offerId))
        errors.push({ field: `arms[${index}].offerId`, message: 'offerId must be an offer of the current revision' });
      if (arm.limit !== undefined)
        errors.push({ field: `arms[${index}].limit`, message: 'limit does not apply to offer experiments' });
    });
  }
  return errors;
}
