import Stripe from 'stripe';
import { StripeApiError } from './stripe-api-error';
import { StripeParams } from './stripe-params';

/**
 * One page of a Stripe list, newest first: `limit` (1-100, default 10), then `starting_after`
 * (older than that id) or `ending_before` (newer than it).
 */
export function listPage<T extends { id: string }>(
  newestFirst: T[],
  params: StripeParams,
  url: string,
): Stripe.ApiList<T> {
  const limit = params.integer('limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw StripeApiError.parameterInvalid(
      'limit',
      'Invalid limit: must be between 1 and 100',
      'parameter_invalid_integer',
    );
  const after = params.string('starting_after');
  const before = params.string('ending_before');
  if (after && before) throw StripeApiError.parametersExclusive(['starting_after', 'ending_before']);
  if (before) {
    const index = cursorIndex(newestFirst, before, 'ending_before');
    const newer = newestFirst.slice(0, index);
    return {
      object: 'list',
      data: newer.slice(Math.max(0, newer.length - limit)),
      has_more: newer.length > limit,
      url,
    };
  }
  const rest = after ? newestFirst.slice(cursorIndex(newestFirst, after, 'starting_after') + 1) : newestFirst;
  return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
}

function cursorIndex<T extends { id: string }>(items: T[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1)
    throw StripeApiError.parameterInvalid(
      param,
      `Invalid ${param}: no object with id '${id}' in this list.`,
      'resource_missing',
    );
  return index;
}
