import { randomBytes } from 'node:crypto';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('lets a burst of the limit through, then asks to wait', () => {
    const limiter = new RateLimiter();
    const results = Array.from({ length: 4 }, () => limiter.take('key', 3, 0));
    expect(results).toEqual([0, 0, 0, 20]);
  });

  it('refills continuously', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 60; i++) limiter.take('key', 60, 0);
    expect(limiter.take('key', 60, 500)).toBe(1);
    expect(limiter.take('key', 60, 1000)).toBe(0);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter();
    limiter.take('a', 1, 0);
    expect(limiter.take('a', 1, 0)).toBeGreaterThan(0);
    expect(limiter.take('b', 1, 0)).toBe(0);
  });
});

describe('RateLimiter memory', () => {
  it('keeps at most its number of buckets whatever 200,000 random keys arrive', () => {
    const limiter = new RateLimiter(1000);
    for (let i = 0; i < 200_000; i++) limiter.take(randomBytes(12).toString('hex'), 60, i);
    expect(limiter.size).toBe(1000);
  });

  it('still limits a busy key while random keys stream past', () => {
    const limiter = new RateLimiter(1000);
    limiter.take('busy', 1, 0);
    for (let i = 0; i < 200_000; i++) {
      limiter.take(randomBytes(12).toString('hex'), 60, 0);
      if (i % 500 === 0) expect(limiter.take('busy', 1, 0)).toBeGreaterThan(0);
    }
  });
});
