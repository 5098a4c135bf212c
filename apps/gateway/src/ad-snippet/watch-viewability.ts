/* eslint-disable @typescript-eslint/no-explicit-any -- this function runs in readers' browsers; it sees the DOM as plain objects. */
import type { observeViewability, Viewability } from './ad-viewability';

/**
 * Feeds `observe` (the MRC state machine) with samples of one rendered ad: the share of its pixels
 * in the viewport from an IntersectionObserver, the page's visibility from `visibilitychange`, and
 * a timer for the moment its second in view is up. Calls `onViewable` once; answers how to stop
 * watching (the ad was closed). Without an IntersectionObserver nothing is measured.
 *
 * Self-contained (no imports at run time): `/ads.js` serves its source.
 */
export function watchViewability(
  window: any,
  document: any,
  element: any,
  threshold: number,
  observe: typeof observeViewability,
  onViewable: () => void,
): () => void {
  if (typeof window.IntersectionObserver !== 'function') return () => undefined;
  let state: Viewability = { phase: 'waiting' };
  let fraction = 0;
  let timer: unknown = null;
  let stopped = false;
  const sample = () => {
    if (stopped) return;
    const at = window.performance.now();
    state = observe(state, { at, fraction, pageVisible: document.visibilityState !== 'hidden' }, threshold);
    window.clearTimeout(timer);
    timer = null;
    if (state.phase === 'viewable') {
      stop();
      onViewable();
    } else if (state.phase === 'counting') timer = window.setTimeout(sample, Math.max(0, state.viewableAt - at));
  };
  const observer = new window.IntersectionObserver(
    (entries: { isIntersecting: boolean; intersectionRatio: number }[]) => {
      for (const entry of entries) fraction = entry.isIntersecting ? entry.intersectionRatio : 0;
      sample();
    },
    { threshold: [0, threshold, 1] },
  );
  function stop() {
    stopped = true;
    window.clearTimeout(timer);
    observer.disconnect();
    document.removeEventListener('visibilitychange', sample);
  }
  observer.observe(element);
  document.addEventListener('visibilitychange', sample);
  return stop;
}
