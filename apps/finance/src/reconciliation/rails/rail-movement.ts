/** What a line of a rail's report (and the entry it is matched to) moved: money taken, or money given back. */
export const RAIL_MOVEMENTS = ['payment', 'refund'] as const;
export type RailMovement = (typeof RAIL_MOVEMENTS)[number];
