import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which kind of work a provider request serves; the pacer shares an agency's request budget
 * between them so that background work never takes all of it: `interactive` (a user waits: checkouts,
 * portal, plan changes), `notifications` (processing provider notifications), `sync` (sync jobs,
 * drift repair, imports).
 */
export type ProviderLane = 'interactive' | 'notifications' | 'sync';

const lane = new AsyncLocalStorage<ProviderLane>();

/** Runs `work` with every provider request it makes counted in `which` lane. */
export function inProviderLane<T>(which: ProviderLane, work: () => Promise<T>): Promise<T> {
  return lane.run(which, work);
}

/** The lane of the work in progress; a request made outside any lane serves a user (`interactive`). */
export function currentProviderLane(): ProviderLane {
  return lane.getStore() ?? 'interactive';
}
