import { randomBytes } from 'node:crypto';
import { LookupCache } from './lookup-cache';

describe('LookupCache', () => {
  it('asks once per key while the answer is fresh, misses included', async () => {
    const cache = new LookupCache<string>(60_000);
    let asked = 0;
    const load = async (): Promise<string | null> => (asked++, null);
    await cache.get('pk_guess', load);
    await cache.get('pk_guess', load);
    expect(asked).toBe(1);
  });

  it('keeps at most its number of answers whatever 200,000 random keys are tried', async () => {
    const cache = new LookupCache<string>(60_000, 1000);
    for (let i = 0; i < 200_000; i++) await cache.get(`sk_${randomBytes(12).toString('hex')}`, async () => null);
    expect(cache.size).toBe(1000);
  });
});
