import { BoundedMap } from '@libs/common';

/** Rows (and misses) kept per cache; past this, the least recently used is forgotten. */
export const LOOKUP_CACHE_ENTRIES_KEPT = 100_000;

/**
 * Rows looked up by a credential, each at most once per `ttlMs` on this instance, misses
 * included (so guessing keys costs no query). Authentication asks on every request. Credentials
 * come from clients, guessed ones too, so at most `maxEntries` answers are kept.
 */
export class LookupCache<T> {
  private readonly entries: BoundedMap<string, T | null>;

  constructor(ttlMs: number, maxEntries = LOOKUP_CACHE_ENTRIES_KEPT) {
    this.entries = new BoundedMap({ maxEntries, ttlMs });
  }

  /** How many answers (misses included) are kept now. */
  get size(): number {
    return this.entries.size;
  }

  async get(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.entries.set(key, value);
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
