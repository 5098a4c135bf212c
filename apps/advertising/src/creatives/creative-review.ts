import type { CreativeStatus } from '@libs/contracts';

/** What can happen to a creative's review: ad ops approve or reject it; its advertiser edits it. */
export type CreativeAction = 'approve' | 'reject' | 'edit';

export type CreativeTransition = { allowed: true; to: CreativeStatus } | { allowed: false; reason: string };

/**
 * pending-review → approved | rejected (a reason required); an edit sends any creative back to
 * pending-review, so what serves is always what was approved. Pure: who may ask is the service's concern.
 */
export function reviewCreative(status: CreativeStatus, action: CreativeAction, reason?: string): CreativeTransition {
  if (action === 'edit') return { allowed: true, to: 'pending-review' };
  if (status !== 'pending-review')
    return { allowed: false, reason: `cannot ${action} a creative that is ${status} (only one pending review)` };
  if (action === 'reject' && !reason?.trim()) return { allowed: false, reason: 'a rejection needs a reason' };
  return { allowed: true, to: action === 'approve' ? 'approved' : 'rejected' };
}
