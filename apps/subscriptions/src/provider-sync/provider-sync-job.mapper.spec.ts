import { phaseProgress, ratePerSecond } from './provider-sync-job.mapper';

describe('sync job progress', () => {
  it('gives no percent while the total is unknown', () => {
    expect(phaseProgress(40, null)).toEqual({ processed: 40, total: null, percent: null });
  });

  it('gives whole percent, rounded down, once the total is known', () => {
    expect(phaseProgress(2, 3)).toEqual({ processed: 2, total: 3, percent: 66 });
    expect(phaseProgress(3, 3)).toMatchObject({ percent: 100 });
  });

  it('calls an empty phase done', () => {
    expect(phaseProgress(0, 0)).toMatchObject({ percent: 100 });
  });

  it('never shows more than 100 percent when more objects turned up than announced', () => {
    expect(phaseProgress(12, 10)).toMatchObject({ percent: 100 });
  });

  it('measures the rate from the start to the last recorded progress', () => {
    expect(ratePerSecond(150, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T00:00:40Z'))).toBe(3.75);
    expect(ratePerSecond(1, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T00:00:03Z'))).toBe(0.33);
  });

  it('has no rate before the job started or before any time passed', () => {
    expect(ratePerSecond(0, null, null)).toBeNull();
    expect(ratePerSecond(5, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });
});
