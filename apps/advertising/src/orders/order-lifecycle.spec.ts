import type { OrderStatus } from '@libs/contracts';
import { OrderAction, transitionOrder } from './order-lifecycle';

const STATUSES: OrderStatus[] = ['draft', 'submitted', 'approved', 'live', 'completed', 'rejected', 'canceled'];

/** The whole table: for each action, where each status goes and what happens to its inventory; absent means refused. */
const TABLE: [OrderAction, Partial<Record<OrderStatus, string>>][] = [
  ['submit', { draft: 'submitted keep' }],
  ['approve', { submitted: 'approved sell' }],
  ['reject', { submitted: 'rejected release' }],
  [
    'cancel',
    {
      draft: 'canceled release',
      submitted: 'canceled release',
      approved: 'canceled release',
      live: 'canceled release',
    },
  ],
  ['expire', { draft: 'canceled release', submitted: 'canceled release', approved: 'canceled release' }],
  ['start', { approved: 'live keep' }],
  ['complete', { live: 'completed keep' }],
];

describe('order lifecycle', () => {
  it.each(TABLE.flatMap(([action, moves]) => STATUSES.map((status) => [action, status, moves[status] ?? 'refused'])))(
    '%s from %s: %s',
    (action, status, expected) => {
      const transition = transitionOrder(status as OrderStatus, action as OrderAction);
      expect(transition.allowed ? `${transition.to} ${transition.inventory}` : 'refused').toBe(expected);
    },
  );

  it('says why it refuses', () => {
    expect(transitionOrder('completed', 'cancel')).toEqual({
      allowed: false,
      reason: 'cannot cancel an order that is completed (only one that is draft or submitted or approved or live)',
    });
  });

  it('keeps the hold only while an order waits for approval', () => {
    expect(transitionOrder('draft', 'submit')).toMatchObject({ endsHold: false });
    expect(transitionOrder('submitted', 'approve')).toMatchObject({ endsHold: true });
  });
});
