import { percentOf, rowsPerSecond } from './reconciliation-import.mapper';

const range = { createdFrom: new Date('2026-11-01T00:00:00Z'), createdTo: new Date('2026-11-11T00:00:00Z') };

describe('import progress', () => {
  it('knows no percent before the first page of a range', () => {
    expect(
      percentOf({ ...range, status: 'queued', phase: 'balance-transactions', reachedCreated: null, pages: 0 }),
    ).toBeNull();
  });

  it('reads the percent of the balance transactions off the creation time reached (newest first)', () => {
    const reached = new Date('2026-11-06T00:00:00Z');
    expect(
      percentOf({ ...range, status: 'running', phase: 'balance-transactions', reachedCreated: reached, pages: 3 }),
    ).toBe(25);
  });

  it('counts payouts as the second half, and a finished import as 100', () => {
    expect(percentOf({ ...range, status: 'running', phase: 'payouts', reachedCreated: null, pages: 10 })).toBe(50);
    expect(
      percentOf({
        ...range,
        status: 'running',
        phase: 'payouts',
        reachedCreated: new Date('2026-11-01T00:00:00Z'),
        pages: 11,
      }),
    ).toBe(100);
    expect(percentOf({ ...range, status: 'succeeded', phase: 'done', reachedCreated: null, pages: 12 })).toBe(100);
  });

  it('has no percent for a file import without a range, once done it is 100', () => {
    expect(
      percentOf({
        createdFrom: null,
        createdTo: null,
        status: 'succeeded',
        phase: 'done',
        reachedCreated: null,
        pages: 1,
      }),
    ).toBe(100);
  });

  it('measures rows per second from the start to the last progress', () => {
    expect(rowsPerSecond(250, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T00:00:02Z'))).toBe(125);
    expect(rowsPerSecond(250, null, null)).toBeNull();
  });
});
