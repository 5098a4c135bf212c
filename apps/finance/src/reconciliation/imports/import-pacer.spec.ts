import { ImportPacer } from './import-pacer';

describe('the import pacer', () => {
  it('lets 20 requests a second through per agency, queueing a burst in 50 ms steps', () => {
    const pacer = new ImportPacer(20);
    const delays = Array.from({ length: 5 }, () => pacer.delayFor('agency-a', 1_000));
    expect(delays).toEqual([0, 50, 100, 150, 200]);
  });

  it('paces each agency on its own', () => {
    const pacer = new ImportPacer(20);
    pacer.delayFor('agency-a', 1_000);
    pacer.delayFor('agency-a', 1_000);
    expect(pacer.delayFor('agency-b', 1_000)).toBe(0);
  });

  it('does not bank idle time: after a pause the next request waits a full step behind the one before', () => {
    const pacer = new ImportPacer(10);
    expect(pacer.delayFor('agency-a', 1_000)).toBe(0);
    expect(pacer.delayFor('agency-a', 5_000)).toBe(0);
    expect(pacer.delayFor('agency-a', 5_000)).toBe(100);
  });
});
