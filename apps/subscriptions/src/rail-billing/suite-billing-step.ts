import type { InvoiceStatus, SubscriptionStatus } from '@libs/contracts';

const DAY_MS = 86_400_000;

/** What the schedule knows of a subscription the suite bills, and of the invoice of its next period. */
export interface SuiteBilledSubscription {
  status: SubscriptionStatus;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** The invoice for the period starting at `currentPeriodEnd`, once issued. */
  renewal: { status: InvoiceStatus } | null;
}

/**
 * `bill-renewal`: issue the next period's invoice (and ask for its money); `end-cancelled`: the
 * period of a subscription cancelled at its end is over; `fall-past-due`: the period ended with
 * its renewal unpaid (dunning starts); `none`: nothing is due yet.
 */
export type SuiteBillingStep = 'bill-renewal' | 'end-cancelled' | 'fall-past-due' | 'none';

/**
 * What is due at `now` for an active (or trialing: the trial's end is its first renewal) subscription the suite bills: its renewal is billed
 * `noticeDays` before the period ends (never for one cancelled at period end, which ends then
 * instead); a period that ends with the renewal still open makes it past due. A renewal paid
 * early has already moved the period on, so nothing else is ever due; other statuses are moved
 * by their dunning case or by nobody.
 */
export function suiteBillingStepAt(
  subscription: SuiteBilledSubscription,
  noticeDays: number,
  now: Date,
): SuiteBillingStep {
  if (subscription.status !== 'active' && subscription.status !== 'trialing') return 'none';
  const ended = subscription.currentPeriodEnd.getTime() <= now.getTime();
  if (subscription.cancelAtPeriodEnd) return ended ? 'end-cancelled' : 'none';
  if (!subscription.renewal) {
    const noticeFrom = subscription.currentPeriodEnd.getTime() - noticeDays * DAY_MS;
    return noticeFrom <= now.getTime() ? 'bill-renewal' : 'none';
  }
  return ended && subscription.renewal.status === 'open' ? 'fall-past-due' : 'none';
}

/** A dunning case of a renewal the suite bills: opened when the unpaid period began. */
export interface SuiteDunning {
  openedAt: Date;
  /** Days after `openedAt` on which the pay link is sent again. */
  retryDays: readonly number[];
  /** Reminders sent so far. */
  attemptsMade: number;
}

/**
 * `remind`: send the pay link again (the reminder's number), then look again at `next`; `lapse`:
 * grace is over unpaid (the invoice is voided, the subscription ends); `wait`: nothing until `next`.
 */
export type SuiteDunningStep =
  { kind: 'remind'; reminder: number; next: Date } | { kind: 'lapse' } | { kind: 'wait'; next: Date };

/**
 * What is due at `now` in the dunning of a renewal the suite bills. Grace lasts `graceDays` from
 * the opening (as long as a past-due reader keeps access, see the entitlement rules); reminders
 * fall on the policy's days within grace, each once however late the schedule runs (missed ones
 * are not sent back to back: only the latest due one is sent); at the end of grace the case lapses.
 */
export function suiteDunningStepAt(dunning: SuiteDunning, graceDays: number, now: Date): SuiteDunningStep {
  const graceEnd = dunning.openedAt.getTime() + graceDays * DAY_MS;
  if (graceEnd <= now.getTime()) return { kind: 'lapse' };
  const days = dunning.retryDays.filter((day) => dunning.openedAt.getTime() + day * DAY_MS < graceEnd);
  const dueCount = days.filter((day) => dunning.openedAt.getTime() + day * DAY_MS <= now.getTime()).length;
  const upcoming = days[Math.max(dueCount, dunning.attemptsMade)];
  const next = new Date(upcoming === undefined ? graceEnd : dunning.openedAt.getTime() + upcoming * DAY_MS);
  return dueCount > dunning.attemptsMade ? { kind: 'remind', reminder: dueCount, next } : { kind: 'wait', next };
}
