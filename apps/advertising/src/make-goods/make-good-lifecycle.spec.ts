import { MAKE_GOOD_STATUSES, MakeGoodStatus } from '@libs/contracts';
import { MakeGoodAction, transitionMakeGood } from './make-good-lifecycle';

const ACTIONS: MakeGoodAction[] = ['accept-as-line', 'accept-as-credit', 'reject'];

/** Every status and action, and where each leads (null: refused). */
const TABLE: Record<MakeGoodStatus, Record<MakeGoodAction, MakeGoodStatus | null>> = {
  proposed: { 'accept-as-line': 'accepted-as-line', 'accept-as-credit': 'credited', reject: 'rejected' },
  'accepted-as-line': { 'accept-as-line': null, 'accept-as-credit': null, reject: null },
  credited: { 'accept-as-line': null, 'accept-as-credit': null, reject: null },
  rejected: { 'accept-as-line': null, 'accept-as-credit': null, reject: null },
};

describe('make-good lifecycle', () => {
  it.each(
    MAKE_GOOD_STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action, TABLE[status][action]] as const)),
  )('from %s, %s leads to %s', (status, action, to) => {
    const transition = transitionMakeGood(status, action);
    if (to === null) {
      expect(transition).toEqual({ allowed: false, reason: expect.stringContaining(`a make-good that is ${status}`) });
    } else {
      expect(transition).toEqual({ allowed: true, to });
    }
  });
});
