import { ArmCounts, ExperimentObjective, posteriorDraw, revenueScales } from './arm-allocation';
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
 * What the results page shows per arm. The probability of being best is a Monte Carlo estimate
 * over the posteriors (the objective's score, as Thompson sampling uses it) with a fixed seed:
 * the same counts always read the same.
 */
export function armStatistics(arms: readonly ArmCounts[], objective: ExperimentObjective): ArmStatistics[] {
  const random = seededRandom(SEED);
  const scale = objective === 'revenue' ? revenueScales(arms) : arms.map(() => 1);
  const wins = arms.map(() => 0);
  for (let draw = 0; draw < DRAWS; draw++) {
    let best = 0;
    let bestScore = -1;
    for (let arm = 0; arm < arms.length; arm++) {
      const score = posteriorDraw(arms[arm], random) * scale[arm];
      if (score > bestScore) {
        best = arm;
        bestScore = score;
      }
    }
    wins[best]++;
  }
  return arms.map((counts, arm) => {
    const conversions = Math.min(counts.conversions, counts.impressions);
    const alpha = 1 + conversions;
    const beta = 1 + counts.impressions - conversions;
    return {
      conversionRate: counts.impressions > 0 ? conversions / counts.impressions : 0,
      credibleInterval: [betaQuantile(0.025, alpha, beta), betaQuantile(0.975, alpha, beta)],
      probabilityBest: wins[arm] / DRAWS,
    };
  });
}

/** Revenue per 1,000 decisions, in integer minor units (rounded down). */
export function revenuePerThousand(revenue: bigint, impressions: bigint): bigint {
  return impressions > 0n ? (revenue * 1000n) / impressions : 0n;
}
