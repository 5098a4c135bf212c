import type { ExperimentObjective } from '@libs/contracts';
import type { ArmCounts } from '../memory/arm-counts';
import { thompsonWeights } from './arm-allocation';
import { betaQuantile } from './beta-quantile';
import { seededRandom } from './seeded-random';

const DRAWS = 20_000;
const SEED = 20_260_101;

export interface ArmStatistics {
  conversionRate: number;
  /** 95% credible interval of the conversion rate: the 2.5% and 97.5% quantiles of the posterior. */
  credibleInterval: [number, number];
  probabilityBest: number;
}

/**
 * What the results page shows per arm. The probability of being best is the Monte Carlo
 * estimate Thompson allocation uses, with more draws and a fixed seed: the same counts always
 * read the same.
 */
export function armStatistics(arms: readonly ArmCounts[], objective: ExperimentObjective): ArmStatistics[] {
  const probabilityBest = thompsonWeights(arms, objective, seededRandom(SEED), DRAWS);
  return arms.map((counts, arm) => {
    const conversions = Math.min(counts.conversions, counts.impressions);
    const alpha = 1 + conversions;
    const beta = 1 + counts.impressions - conversions;
    return {
      conversionRate: counts.impressions > 0 ? conversions / counts.impressions : 0,
      credibleInterval: [betaQuantile(0.025, alpha, beta), betaQuantile(0.975, alpha, beta)],
      probabilityBest: probabilityBest[arm],
    };
  });
}

/** Revenue per 1,000 decisions, in integer minor units (rounded down). */
export function revenuePerThousand(revenue: bigint, impressions: bigint): bigint {
  return impressions > 0n ? (revenue * 1000n) / impressions : 0n;
}
