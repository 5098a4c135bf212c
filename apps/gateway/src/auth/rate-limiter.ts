import { BoundedMap } from '@libs/common';

/** Buckets kept per limiter; past this, the least recently used is forgotten (it refills to full on return). */
export const RATE_LIMIT_BUCKETS_KEPT = 100_000;

/**
 * A token bucket per key, refilled continuously: `limit` requests a minute with bursts up to
 * `limit`. Held in the gateway's memory, so with N gateway replicas a key gets up to N times its
 * limit; a shared store can replace this when that matters. Keys may come from clients (an
 * address), so at most `maxKeys` buckets are kept, however many keys arrive.
 */
export class RateLimiter {
  private readonly buckets: BoundedMap<string, { tokens: number; at: number }>;

  constructor(maxKeys = RATE_LIMIT_BUCKETS_KEPT) {
    this.buckets = new BoundedMap({ maxEntries: maxKeys });
  }

  /** How many keys have a bucket now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Returns 0 when the request may pass, else the seconds to wait. */
  take(key: string, limitPerMinute: number, now = Date.now()): number {
    const perMs = limitPerMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: limitPerMinute, at: now };
    bucket.tokens = Math.min(limitPerMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs / 1000);
  }
}
