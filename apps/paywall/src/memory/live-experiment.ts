import type { ExperimentView } from '@libs/contracts';
import type { PaywallPolicy } from '../decisions/decision-types';
import type { ArmCounts } from './arm-counts';

/** An experiment as decisions use it: its arms' weights and what this instance knows of their traffic. */
export interface LiveExperiment {
  view: ExperimentView;
  /** Shares of readers per arm: the configured split, or under Thompson the probability each arm is best. */
  weights: number[];
  /** Under Thompson: the reweighing period `weights` were computed for. */
  weighedInPeriod?: number;
  counts: ArmCounts[];
  /** Per site and arm: the site's policies with the arm's meter limit (meter-limit experiments). */
  policiesBySite: Map<string, PaywallPolicy[][]>;
}
