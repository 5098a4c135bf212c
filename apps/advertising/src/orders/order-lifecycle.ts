import type { OrderStatus } from '@libs/contracts';

/** What can happen to an order: asked for by people (submit … cancel) or by the clock (expire, start, complete). */
export type OrderAction = 'submit' | 'approve' | 'reject' | 'cancel' | 'expire' | 'start' | 'complete';

/** What a transition does to the order's inventory: nothing, held impressions become sold, or its days to come are freed. */
export type InventoryEffect = 'keep' | 'sell' | 'release';

export type OrderTransition =
  | { allowed: true; to: OrderStatus; inventory: InventoryEffect; endsHold: boolean }
  | { allowed: false; reason: string };

const MOVES: Record<OrderAction, Partial<Record<OrderStatus, [OrderStatus, InventoryEffect]>>> = {
  submit: { draft: ['submitted', 'keep'] },
  approve: { submitted: ['approved', 'sell'] },
  reject: { submitted: ['rejected', 'release'] },
  cancel: {
    draft: ['canceled', 'release'],
    submitted: ['canceled', 'release'],
    approved: ['canceled', 'release'],
    live: ['canceled', 'release'],
  },
  expire: { draft: ['canceled', 'release'], submitted: ['canceled', 'release'], approved: ['canceled', 'release'] },
  start: { approved: ['live', 'keep'] },
  complete: { live: ['completed', 'keep'] },
};

/**
 * draft → submitted → approved → live → completed, or rejected (from submitted) or canceled (before
 * completion; a hold that expires cancels a draft or submitted order, a pay-by that passes unpaid
 * an approved prepaid one). Anything else is refused with the reason. Pure: who may ask for which
 * action, and whether a prepaid order is paid enough to start, are the service's concern.
 */
export function transitionOrder(status: OrderStatus, action: OrderAction): OrderTransition {
  const move = MOVES[action][status];
  if (!move) {
    const from = Object.keys(MOVES[action]).join(' or ');
    return { allowed: false, reason: `cannot ${action} an order that is ${status} (only one that is ${from})` };
  }
  const [to, inventory] = move;
  return { allowed: true, to, inventory, endsHold: to !== 'submitted' };
}
