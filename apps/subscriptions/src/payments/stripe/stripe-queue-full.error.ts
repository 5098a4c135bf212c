import { UnavailableError } from '@libs/common';
import type { ProviderLane } from '../provider-lane';

/**
 * Too many of an agency's Stripe requests already wait in this lane: refused at once, nothing sent.
 * A user gets 503 with Retry-After; a provider notification is retried later like any failure.
 */
export class StripeQueueFullError extends UnavailableError {
  constructor(
    readonly lane: ProviderLane,
    retryAfterS: number,
  ) {
    super(`Stripe request queue full for this agency's ${lane} requests; try again in ${retryAfterS} s`, retryAfterS);
  }
}
