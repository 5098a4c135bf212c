import { randomBytes } from 'node:crypto';
import { SiteRateLimits } from './site-rate-limits';

describe('SiteRateLimits', () => {
  it('lets a burst of one second through, then asks to wait', () => {
    const limits = new SiteRateLimits(3);
    expect([0, 0, 0].map(() => limits.take('site-1', 1_000))).toEqual([0, 0, 0]);
    expect(limits.take('site-1', 1_000)).toBe(1);
    expect(limits.take('site-1', 1_400)).toBe(0);
    expect(limits.take('site-2', 1_400)).toBe(0);
  });

  it('keeps at most its cap of buckets however many client addresses come (200,000 random keys)', () => {
    const limits = new SiteRateLimits(100, 5_000);
    for (let i = 0; i < 200_000; i++) limits.take(`site-1 ${randomBytes(16).toString('hex')}`, i);
    expect(limits.size).toBe(5_000);
  });
});
