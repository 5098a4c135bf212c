import type { MakeGoodStatus } from '@libs/contracts';

/** What ad ops do with a proposal. */
export type MakeGoodAction = 'accept-as-line' | 'accept-as-credit' | 'reject';

export type MakeGoodTransition = { allowed: true; to: MakeGoodStatus } | { allowed: false; reason: string };

const MOVES: Record<MakeGoodAction, Partial<Record<MakeGoodStatus, MakeGoodStatus>>> = {
  'accept-as-line': { proposed: 'accepted-as-line' },
  'accept-as-credit': { proposed: 'credited' },
  reject: { proposed: 'rejected' },
};

/**
 * proposed → accepted-as-line, credited or rejected; each settles the proposal for good, so any
 * other move is refused with the reason. Pure.
 */
export function transitionMakeGood(status: MakeGoodStatus, action: MakeGoodAction): MakeGoodTransition {
  const to = MOVES[action][status];
  if (!to) return { allowed: false, reason: `cannot ${action} a make-good that is ${status} (only one proposed)` };
  return { allowed: true, to };
}
