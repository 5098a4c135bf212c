import type { ExperimentObjective } from '@libs/contracts';
import type { ArmCounts } from '../memory/arm-counts';
import { Random, sampleBeta } from './seeded-random';

/**
 * Split allocation: the reader's arm follows from a hash of the experiment id and the reader's
 * id (account key or anonymous id), so a reader keeps their arm on every page and instance,
 * and arms get traffic in proportion to their weights.
 */
export function splitArm(experimentId: string, readerId: string, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let point = (readerHash(`${experimentId}:${readerId}`) / 4_294_967_296) * total;
  for (let arm = 0; arm < weights.length; arm++) {
    point -= weights[arm];
    if (point < 0) return arm;
  }
  return weights.length - 1;
}

/**
 * Thompson sampling as allocation weights: each arm's share of readers is the posterior
 * probability that it is the best arm (a Monte Carlo estimate over `draws` rounds of one draw per
 * arm, the highest winning) — the share per-decision Thompson sampling would give it. Readers
 * are then placed by `splitArm` on these weights, so a reader keeps their arm from page to page
 * while the weights hold, and only readers near a boundary move when the evidence shifts.
 * For `conversion` a draw is the conversion rate, from Beta(1 + conversions, 1 + impressions -
 * conversions). For `revenue` it is that rate times the arm's mean revenue per conversion (the
 * revenue per decision); an arm without conversions yet borrows the mean of all arms, and with no
 * revenue anywhere the objective is the conversion rate. Revenue enters as a number here: it is a
 * sampling weight, not money that moves.
 */
export function thompsonWeights(
  arms: readonly ArmCounts[],
  objective: ExperimentObjective,
  random: Random,
  draws: number,
): number[] {
  const scale = objective === 'revenue' ? revenueScales(arms) : null;
  const wins = arms.map(() => 0);
  for (let draw = 0; draw < draws; draw++) {
    let best = 0;
    let bestScore = -1;
    for (let arm = 0; arm < arms.length; arm++) {
      const score = posteriorDraw(arms[arm], random) * (scale ? scale[arm] : 1);
      if (score > bestScore) {
        best = arm;
        bestScore = score;
      }
    }
    wins[best]++;
  }
  return wins.map((won) => won / draws);
}

export function posteriorDraw(counts: ArmCounts, random: Random): number {
  const conversions = Math.min(counts.conversions, counts.impressions);
  return sampleBeta(1 + conversions, 1 + counts.impressions - conversions, random);
}

/** Mean revenue per conversion of each arm (the pooled mean for arms without conversions). */
export function revenueScales(arms: readonly ArmCounts[]): number[] {
  const conversions = arms.reduce((sum, arm) => sum + arm.conversions, 0);
  const revenue = arms.reduce((sum, arm) => sum + arm.revenue, 0);
  const pooled = conversions > 0 && revenue > 0 ? revenue / conversions : 1;
  return arms.map((arm) => (arm.conversions > 0 && revenue > 0 ? arm.revenue / arm.conversions : pooled));
}

/**
 * 32-bit FNV-1a over UTF-16 code units, then murmur3's finalizer (FNV alone leaves ids that
 * differ in their last characters close together): cheap, stable across processes and versions.
 */
function readerHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
