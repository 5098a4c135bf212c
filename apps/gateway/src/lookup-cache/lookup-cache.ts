/**
 * Rows looked up by a credential, each at most once per `ttlMs` on this instance, misses
 * included (so guessing keys costs no query). Authentication asks on every request.
 */
export class LookupCache<T> {
  private readonly entries = new Map<string, { value: T | null; until: number }>();

  constructor(private readonly ttlMs: number) {}

  async get(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await load();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
