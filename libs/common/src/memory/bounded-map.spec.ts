import { randomBytes } from 'node:crypto';
import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('forgets the least recently used key beyond its size', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 2 });
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
    expect(map.size).toBe(2);
  });

  it('setting a held key again neither grows it nor evicts another', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 2 });
    map.set('a', 1).set('b', 2).set('a', 3);
    expect([map.get('a'), map.get('b'), map.size]).toEqual([3, 2, 2]);
  });

  it('forgets an entry its time to live after it was set', () => {
    const map = new BoundedMap<string, string>({ maxEntries: 10, ttlMs: 1000 });
    map.set('k', 'v', 0);
    expect(map.get('k', 999)).toBe('v');
    expect(map.get('k', 1000)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('keeps falsy values', () => {
    const map = new BoundedMap<string, number | null>({ maxEntries: 10 });
    map.set('zero', 0).set('none', null);
    expect([map.get('zero'), map.get('none'), map.has('zero')]).toEqual([0, null, true]);
  });

  it('stays at its size whatever 200,000 random keys arrive', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 1000 });
    for (let i = 0; i < 200_000; i++) map.set(randomBytes(12).toString('hex'), i);
    expect(map.size).toBe(1000);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new BoundedMap({ maxEntries: 0 })).toThrow('maxEntries');
  });
});
