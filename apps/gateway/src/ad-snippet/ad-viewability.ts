/**
 * The MRC viewable impression, as a state machine fed with samples: an ad is viewable once at least
 * its threshold of pixels (`viewableThreshold`) has been in view, in a visible page, for one
 * continuous second. A sample says what holds from its time `at` until the next sample; a page
 * that goes hidden, or an ad that drops below its threshold, starts the second again.
 *
 * Both functions are self-contained (no imports, no module constants): `/ads.js` serves their
 * source as it serves the snippet's.
 */

/** Where an ad stands: not (enough) in view, in view since `since`, or viewable since `at`. */
export type Viewability =
  { phase: 'waiting' } | { phase: 'counting'; since: number; viewableAt: number } | { phase: 'viewable'; at: number };

/** From `at` (milliseconds, one clock) on: the share of the ad's pixels in the viewport, and whether the page is shown. */
export interface ViewabilitySample {
  at: number;
  fraction: number;
  pageVisible: boolean;
}

/** The share of pixels that must be in view: 30 % for a large ad (242,500 px² or more, e.g. 970x250), else 50 %. */
export function viewableThreshold(size: string | null | undefined): number {
  const LARGE_AD_PIXELS = 242_500;
  const match = /^(\d+)x(\d+)$/.exec(String(size || ''));
  return match && Number(match[1]) * Number(match[2]) >= LARGE_AD_PIXELS ? 0.3 : 0.5;
}

/** The state after `sample`: viewable is final; a second in view up to the sample counts, whatever the sample says. */
export function observeViewability(state: Viewability, sample: ViewabilitySample, threshold: number): Viewability {
  const CONTINUOUS_MS = 1000;
  if (state.phase === 'viewable') return state;
  if (state.phase === 'counting' && sample.at >= state.viewableAt) return { phase: 'viewable', at: state.viewableAt };
  const inView = sample.pageVisible && sample.fraction >= threshold;
  if (!inView) return { phase: 'waiting' };
  if (state.phase === 'counting') return state;
  return { phase: 'counting', since: sample.at, viewableAt: sample.at + CONTINUOUS_MS };
}
