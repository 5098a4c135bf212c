import { basisPointsOf, percentageOf } from './basis-points';

describe('basis points', () => {
  it.each([
    ['10', 1000],
    ['8', 800],
    ['5.5', 550],
    ['8.25', 825],
    ['0', 0],
    ['100', 10000],
  ])('reads %s%% as %d basis points and back', (percentage, basisPoints) => {
    expect(basisPointsOf(percentage)).toBe(basisPoints);
    expect(percentageOf(basisPoints)).toBe(percentage);
  });
});
