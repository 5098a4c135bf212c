import type { ArmCounts } from '../memory/arm-counts';
import { splitArm, thompsonWeights } from './arm-allocation';
import { armStatistics, revenuePerThousand } from './arm-results';
import { betaCdf, betaQuantile } from './beta-quantile';
import { seededRandom } from './seeded-random';

describe('Beta quantiles (credible intervals)', () => {
  it.each([
    // Closed forms: Beta(1,1) is uniform; Beta(2,1) has CDF x²; Beta(1,3) has CDF 1-(1-x)³; Beta(½,½) is the arcsine law.
    [0.3, 1, 1, 0.3],
    [0.25, 2, 1, 0.5],
    [0.5, 1, 3, 1 - Math.cbrt(0.5)],
    [0.1, 0.5, 0.5, Math.sin(0.05 * Math.PI) ** 2],
    // Reference values from scipy.stats.beta.ppf.
    [0.025, 10, 90, 0.04951087220866289],
    [0.975, 10, 90, 0.1655689757420103],
    [0.025, 31, 971, 0.02113693887928364],
    [0.975, 31, 971, 0.042509169300003924],
  ])('the %p quantile of Beta(%p, %p) is %p', (p, alpha, beta, expected) => {
    expect(betaQuantile(p, alpha, beta)).toBeCloseTo(expected, 8);
  });

  it('inverts the distribution function', () => {
    for (const x of [0.001, 0.01, 0.03, 0.06]) expect(betaQuantile(betaCdf(x, 7, 200), 7, 200)).toBeCloseTo(x, 9);
  });
});

describe('split allocation', () => {
  it('gives a reader the same arm every time', () => {
    const first = splitArm('exp-1', 'anon-abcdef12', [1, 1, 1]);
    for (let i = 0; i < 10; i++) expect(splitArm('exp-1', 'anon-abcdef12', [1, 1, 1])).toBe(first);
  });

  it('respects the weights within a percent over many readers', () => {
    const counts = [0, 0, 0];
    const readers = 60_000;
    for (let i = 0; i < readers; i++)
      counts[splitArm('5b1c4d62-0a44-4f0f-9d3c-2b5f0d1e7a10', `reader-${i}`, [1, 2, 3])]++;
    expect(counts[0] / readers).toBeCloseTo(1 / 6, 2);
    expect(counts[1] / readers).toBeCloseTo(2 / 6, 2);
    expect(counts[2] / readers).toBeCloseTo(3 / 6, 2);
  });

  it('assigns independently per experiment', () => {
    const same = Array.from(
      { length: 1000 },
      (_, i) => splitArm('exp-a', `r${i}`, [1, 1]) === splitArm('exp-b', `r${i}`, [1, 1]),
    ).filter(Boolean).length;
    expect(same).toBeGreaterThan(400);
    expect(same).toBeLessThan(600);
  });
});

describe('Thompson sampling', () => {
  const EXPERIMENT = '5b1c4d62-0a44-4f0f-9d3c-2b5f0d1e7a10';

  /**
   * Simulated traffic as the paywall serves it: the weights are the posteriors' probability of
   * being best, reweighed every `batch` decisions (every second in the service); each decision
   * is a new reader placed on them by hash, and converts with its arm's true rate.
   */
  function simulate(
    trueRates: number[],
    decisions: number,
    objective: 'conversion' | 'revenue',
    revenuePerConversion = trueRates.map(() => 1),
    batch = 500,
  ) {
    const random = seededRandom(42);
    const arms: ArmCounts[] = trueRates.map(() => ({ impressions: 0, conversions: 0, revenue: 0 }));
    const late = trueRates.map(() => 0);
    let weights = trueRates.map(() => 1);
    for (let i = 0; i < decisions; i++) {
      if (i % batch === 0) weights = thompsonWeights(arms, objective, random, 4_000);
      const arm = splitArm(EXPERIMENT, `reader-${i}`, weights);
      arms[arm].impressions++;
      if (random() < trueRates[arm]) {
        arms[arm].conversions++;
        arms[arm].revenue += revenuePerConversion[arm];
      }
      if (i >= decisions / 2) late[arm]++;
    }
    return { arms, lateShare: late.map((n) => n / (decisions / 2)) };
  }

  it('sends most traffic to the arm that converts better (3% against 6%)', () => {
    const { arms, lateShare } = simulate([0.03, 0.06], 20_000, 'conversion');
    expect(lateShare[1]).toBeGreaterThan(0.9);
    expect(arms[1].impressions).toBeGreaterThan(arms[0].impressions * 3);
  });

  it('on revenue, prefers the arm that earns more per decision even when it converts less', () => {
    // 6% at 100 000 VND (6 000 a decision) against 4% at 300 000 VND (12 000 a decision).
    const { lateShare } = simulate([0.06, 0.04], 20_000, 'revenue', [100_000, 300_000]);
    expect(lateShare[1]).toBeGreaterThan(0.85);
  });

  it('explores evenly while nothing is known', () => {
    const none: ArmCounts[] = [0, 1, 2].map(() => ({ impressions: 0, conversions: 0, revenue: 0 }));
    for (const weight of thompsonWeights(none, 'conversion', seededRandom(7), 9_000))
      expect(weight).toBeCloseTo(1 / 3, 1);
  });

  it('keeps a reader on their arm while the evidence holds, and moves few when it shifts', () => {
    const arms: ArmCounts[] = [
      { impressions: 2000, conversions: 60, revenue: 0 },
      { impressions: 2000, conversions: 66, revenue: 0 },
    ];
    const before = thompsonWeights(arms, 'conversion', seededRandom(1), 20_000);
    const again = thompsonWeights(arms, 'conversion', seededRandom(2), 20_000);
    const readers = Array.from({ length: 10_000 }, (_, i) => `anon-${i}`);
    const moved = readers.filter(
      (reader) => splitArm(EXPERIMENT, reader, before) !== splitArm(EXPERIMENT, reader, again),
    ).length;
    // Two estimates of the same posteriors differ by Monte Carlo noise only: about a percent of readers.
    expect(moved / readers.length).toBeLessThan(0.02);
    expect(Math.abs(before[0] - again[0])).toBeLessThan(0.02);
  });
});

describe('experiment results', () => {
  it('reads the same for the same counts (seeded), and names the better arm likely best', () => {
    const arms: ArmCounts[] = [
      { impressions: 1000, conversions: 30, revenue: 0 },
      { impressions: 1000, conversions: 60, revenue: 0 },
    ];
    const first = armStatistics(arms, 'conversion');
    expect(armStatistics(arms, 'conversion')).toEqual(first);
    expect(first[1].probabilityBest).toBeGreaterThan(0.99);
    expect(first[0].probabilityBest + first[1].probabilityBest).toBeCloseTo(1, 10);
    expect(first[0].conversionRate).toBe(0.03);
    expect(first[0].credibleInterval[0]).toBeCloseTo(betaQuantile(0.025, 31, 971), 12);
    expect(first[0].credibleInterval[1]).toBeCloseTo(0.042509169300003924, 8);
  });

  it('gives two arms that know nothing an even chance', () => {
    const stats = armStatistics(
      [
        { impressions: 0, conversions: 0, revenue: 0 },
        { impressions: 0, conversions: 0, revenue: 0 },
      ],
      'conversion',
    );
    expect(stats[0].probabilityBest).toBeCloseTo(0.5, 1);
    expect(stats[0].credibleInterval).toEqual([expect.closeTo(0.025, 8), expect.closeTo(0.975, 8)]);
  });

  it('counts revenue per thousand decisions in whole minor units', () => {
    expect(revenuePerThousand(199_000n, 3n)).toBe(66_333_333n);
    expect(revenuePerThousand(5n, 0n)).toBe(0n);
  });
});
