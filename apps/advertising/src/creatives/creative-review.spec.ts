import type { CreativeStatus } from '@libs/contracts';
import { CreativeAction, reviewCreative } from './creative-review';

describe('reviewCreative', () => {
  it.each<[CreativeStatus, CreativeAction, string | undefined, CreativeStatus | null]>([
    ['pending-review', 'approve', undefined, 'approved'],
    ['pending-review', 'reject', 'logo too small', 'rejected'],
    ['pending-review', 'reject', undefined, null],
    ['pending-review', 'reject', '  ', null],
    ['approved', 'approve', undefined, null],
    ['approved', 'reject', 'late change', null],
    ['rejected', 'approve', undefined, null],
    ['rejected', 'reject', 'again', null],
    ['approved', 'edit', undefined, 'pending-review'],
    ['rejected', 'edit', undefined, 'pending-review'],
    ['pending-review', 'edit', undefined, 'pending-review'],
  ])('from %s, %s (reason %p) → %s', (from, action, reason, to) => {
    const transition = reviewCreative(from, action, reason);
    expect(transition.allowed ? transition.to : null).toBe(to);
  });

  it('says why a refused transition is refused', () => {
    expect(reviewCreative('approved', 'approve')).toEqual({
      allowed: false,
      reason: 'cannot approve a creative that is approved (only one pending review)',
    });
  });
});
