/**
 * A token bucket per site (per instance): `perSecond` decisions a second, bursts up to one
 * second's worth. Answers 0 when a decision may go ahead, else the seconds to wait. Keyed by the
 * ids of sites held in memory (loaded from the database), never by what a client sends, so the
 * map is as large as the number of sites and needs no bound.
 */
export class SiteRateLimits {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perSecond: number) {}

  take(siteId: string, now: number): number {
    let bucket = this.buckets.get(siteId);
    if (!bucket) this.buckets.set(siteId, (bucket = { tokens: this.perSecond, at: now }));
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
    bucket.tokens -= 1;
    return 0;
  }
}
