/**
 * A token bucket per key, refilled continuously: `limit` requests a minute with bursts up to
 * `limit`. Held in the gateway's memory, so with N gateway replicas a key gets up to N times its
 * limit; a shared store can replace this when that matters.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

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
    if (this.buckets.size > 100_000) this.evictFull(now, perMs);
    return Math.ceil((1 - bucket.tokens) / perMs / 1000);
  }

  private evictFull(now: number, perMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at > 1 / perMs) this.buckets.delete(key);
    }
  }
}
