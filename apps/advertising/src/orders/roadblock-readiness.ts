import type { CreativeStatus } from '@libs/contracts';

/** A line of an order as the rule sees it: its unit, and the takeover it belongs to, if any. */
export interface RoadblockLine {
  lineId: string;
  unitCode: string;
  roadblockId: string | null;
}

/** A creative attached to lines, with its review. */
export interface AttachedCreative {
  orderLineIds: readonly string[];
  status: CreativeStatus;
}

/**
 * The units of a takeover not ready for `action`: a takeover serves all its units on a page or none,
 * so one unit without a creative blanks them all. To submit, every line of a takeover needs an
 * attached creative still in play (pending review or approved); to approve, an approved one (its
 * unit accepts it: attaching checked that). Lines sold on their own are not this rule's concern.
 * Pure: the unit codes, in the lines' order.
 */
export function takeoverUnitsNotReady(
  lines: readonly RoadblockLine[],
  creatives: readonly AttachedCreative[],
  action: 'submit' | 'approve',
): string[] {
  const ready = (status: CreativeStatus) => (action === 'approve' ? status === 'approved' : status !== 'rejected');
  return lines
    .filter((line) => line.roadblockId !== null)
    .filter((line) => !creatives.some((c) => ready(c.status) && c.orderLineIds.includes(line.lineId)))
    .map((line) => line.unitCode);
}
