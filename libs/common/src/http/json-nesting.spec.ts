import { MAX_JSON_NESTING, nestsDeeperThan } from './json-nesting';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('nestsDeeperThan', () => {
  it('admits bodies up to the limit and refuses one level more', () => {
    expect(nestsDeeperThan(nested(MAX_JSON_NESTING))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_NESTING + 1))).toBe(true);
    expect(nestsDeeperThan(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toBe(true);
  });

  it('counts only brackets outside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '{'.repeat(100), quoted: '"[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('{"a":{"b":[1]}}'), 2)).toBe(true);
  });

  it('counts siblings once', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: [{}, {}, {}], b: { c: [] } }), 3)).toBe(false);
  });
});
