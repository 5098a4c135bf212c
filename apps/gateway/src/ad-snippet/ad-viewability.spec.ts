import { observeViewability, viewableThreshold, Viewability, ViewabilitySample } from './ad-viewability';

/** A sample: at `at` ms the ad shows `fraction` of its pixels, in a visible page unless `hidden`. */
const seen = (at: number, fraction: number, hidden = false): ViewabilitySample => ({
  at,
  fraction,
  pageVisible: !hidden,
});

/** When the samples, in turn, made the ad viewable (null: never), for an ad of threshold 50 %. */
function viewableAfter(samples: ViewabilitySample[], threshold = 0.5): number | null {
  let state: Viewability = { phase: 'waiting' };
  for (const sample of samples) state = observeViewability(state, sample, threshold);
  return state.phase === 'viewable' ? state.at : null;
}

describe('the viewable impression (MRC)', () => {
  it.each<[string, ViewabilitySample[], number | null]>([
    ['half the pixels for one second', [seen(0, 0.5), seen(1000, 0.5)], 1000],
    ['all the pixels, counted from when it came in view', [seen(0, 0), seen(200, 1), seen(1200, 1)], 1200],
    ['not one millisecond short of the second', [seen(0, 0.5), seen(999, 0.5)], null],
    ['a second in view, even if the sample that ends it is out of view', [seen(0, 0.6), seen(1500, 0)], 1000],
    ['never below the threshold', [seen(0, 0.49), seen(5000, 0.49)], null],
    ['not two half-seconds', [seen(0, 0.6), seen(500, 0.2), seen(600, 0.6), seen(1100, 0.6)], null],
    ['the second begins again after a dip', [seen(0, 0.6), seen(500, 0.2), seen(600, 0.6), seen(1600, 0.6)], 1600],
    ['more pixels in view do not restart the second', [seen(0, 0.5), seen(400, 0.9), seen(1000, 0.9)], 1000],
    ['a hidden page does not count', [seen(0, 1, true), seen(5000, 1, true)], null],
    [
      'a hidden page pauses and restarts the second',
      [seen(0, 1), seen(700, 1, true), seen(1700, 1), seen(2600, 1)],
      null,
    ],
    [
      'after the page is shown again, a full second',
      [seen(0, 1), seen(700, 1, true), seen(1700, 1), seen(2700, 1)],
      2700,
    ],
    ['viewable once, whatever comes after', [seen(0, 1), seen(1000, 1), seen(1100, 0), seen(9000, 0)], 1000],
  ])('%s', (_, samples, at) => {
    expect(viewableAfter(samples)).toBe(at);
  });

  it('asks 30 % of a large ad in view, and 50 % of the others', () => {
    expect(viewableAfter([seen(0, 0.3), seen(1000, 0.3)], viewableThreshold('970x250'))).toBe(1000);
    expect(viewableAfter([seen(0, 0.3), seen(1000, 0.3)], viewableThreshold('300x250'))).toBeNull();
  });

  it.each<[string | null, number]>([
    ['970x250', 0.3],
    ['300x600', 0.5],
    ['970x90', 0.5],
    ['1000x300', 0.3],
    ['728x90', 0.5],
    ['native', 0.5],
    ['fluid', 0.5],
    [null, 0.5],
  ])('takes %s as needing %d of its pixels in view', (size, threshold) => {
    expect(viewableThreshold(size)).toBe(threshold);
  });

  it('says when the second in view will be up, so a timer can come back then', () => {
    expect(observeViewability({ phase: 'waiting' }, seen(250, 0.8), 0.5)).toEqual({
      phase: 'counting',
      since: 250,
      viewableAt: 1250,
    });
  });
});
