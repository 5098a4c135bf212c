/**
 * A map that holds at most `maxEntries` keys, forgetting the least recently used first, and
 * (with `ttlMs`) forgetting an entry that long after it was set. For state keyed by anything a
 * client controls (a credential, an address, a token): however many keys arrive, memory stays
 * bounded. Reading an entry makes it the most recently used.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(options: { maxEntries: number; ttlMs?: number }) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1)
      throw new Error(`maxEntries must be a positive integer, not ${options.maxEntries}`);
    this.maxEntries = options.maxEntries;
    this.ttlMs = options.ttlMs ?? Infinity;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K, now?: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until !== Infinity && entry.until <= (now ?? Date.now())) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K, now?: number): boolean {
    return this.get(key, now) !== undefined;
  }

  set(key: K, value: V, now = Date.now()): this {
    this.entries.delete(key);
    this.entries.set(key, { value, until: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
