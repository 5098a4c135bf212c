/** An agency whose paywall this instance has not loaded yet (its sites or policies): no decision can be made. */
export class AgencyNotReadyError extends Error {}
