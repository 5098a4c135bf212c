import { StripeApiError } from './stripe-api-error';
import { StripeParams } from './stripe-params';

const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;

/**
 * Stripe's `created` list filter: a unix timestamp (exactly then) or a range
 * `created[gt|gte|lt|lte]`. Answers a predicate over the listed objects.
 */
export function createdFilter(params: StripeParams): (object: { created: number }) => boolean {
  const raw = params.raw('created');
  if (raw === undefined || raw === '') return () => true;
  if (typeof raw === 'string') {
    const at = params.integer('created');
    return (object) => object.created === at;
  }
  const range = params.object('created');
  const unknown = Object.keys(range?.tree ?? {}).find((key) => !(BOUNDS as readonly string[]).includes(key));
  if (unknown)
    throw StripeApiError.parameterInvalid(
      `created[${unknown}]`,
      `Received unknown parameter: created[${unknown}]`,
      'parameter_unknown',
    );
  const [gt, gte, lt, lte] = BOUNDS.map((bound) => range?.integer(bound));
  return ({ created }) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}
