import { BoundedMap } from '@libs/common';

/** Buckets a limiter keeps at most: far more than active sites or clients, far less than memory. */
export const RATE_LIMIT_BUCKETS_KEPT = 100_000;

/**
 * A token bucket per key (per instance): `perSecond` decisions a second, bursts up to one
 * second's worth. Answers 0 when a decision may go ahead, else the seconds to wait. Keyed by a
 * site, or by a site and a client address (which a client chooses, so the buckets are bounded:
 * the least recently used is forgotten first, and comes back full).
 */
export class SiteRateLimits {
  private readonly buckets: BoundedMap<string, { tokens: number; at: number }>;

  constructor(
    private readonly perSecond: number,
    maxBuckets = RATE_LIMIT_BUCKETS_KEPT,
  ) {
    this.buckets = new BoundedMap({ maxEntries: maxBuckets });
  }

  /** How many buckets are kept now. */
  get size(): number {
    return this.buckets.size;
  }

  take(key: string, now: number): number {
    let bucket = this.buckets.get(key, now);
    if (!bucket) this.buckets.set(key, (bucket = { tokens: this.perSecond, at: now }), now);
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
    bucket.tokens -= 1;
    return 0;
  }
}
