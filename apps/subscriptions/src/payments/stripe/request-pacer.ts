import type { ProviderLane } from '../provider-lane';
import { StripeQueueFullError } from './stripe-queue-full.error';

/** The clock the pacer waits on; a test hands in a fake one. */
export interface PacerClock {
  now(): number;
  /** Calls `fire` after `ms`. */
  after(ms: number, fire: () => void): void;
}

const REAL_CLOCK: PacerClock = {
  now: () => Date.now(),
  after: (ms, fire) => void setTimeout(fire, ms),
};

/**
 * Each lane's share of an account's requests when all lanes wait: of every 7 slots, interactive
 * gets 4, notifications 2, sync 1. A lane with nothing waiting leaves its share to the others.
 */
const WEIGHTS: Record<ProviderLane, number> = { interactive: 4, notifications: 2, sync: 1 };
/** Ties go to the lane a user waits on, then to notifications. */
const LANES: ProviderLane[] = ['interactive', 'notifications', 'sync'];

interface Lane {
  waiting: (() => void)[];
  /** Stride scheduling: the lane with the lowest pass goes next; each slot it takes adds 1/weight. */
  pass: number;
}

interface Account {
  nextSlot: number;
  /** The pass of the slot given last: a lane that starts waiting joins at it, never behind. */
  virtualTime: number;
  lanes: Record<ProviderLane, Lane>;
  timerArmed: boolean;
}

/**
 * Spaces requests to one provider account to at most `perSecond`, across all callers in this
 * process, so bursts queue here instead of meeting the provider's rate limit. Requests wait in
 * their lane (see {@link ProviderLane}); the lanes share the rate by weight (`WEIGHTS`), and a lane
 * that starts waiting gets the next free slot, so with background lanes saturated a user's request
 * still goes within one interval. At most `maxWaiting` requests wait per account and lane; one more
 * is refused at once with {@link StripeQueueFullError}. Keyed by agencies' provider accounts, read
 * from the database, so it holds one entry per agency and needs no bound.
 */
export class RequestPacer {
  private readonly accounts = new Map<string, Account>();
  private readonly gap: number;

  constructor(
    perSecond: number,
    private readonly maxWaiting: number,
    private readonly clock: PacerClock = REAL_CLOCK,
  ) {
    this.gap = 1000 / perSecond;
  }

  /** Resolves when the request may go; rejects at once when the lane's queue of the account is full. */
  wait(account: string, lane: ProviderLane): Promise<void> {
    const state = this.stateOf(account);
    const now = this.clock.now();
    const queue = state.lanes[lane];
    if (this.waitingIn(state) === 0 && now >= state.nextSlot) {
      state.nextSlot = now + this.gap;
      return Promise.resolve();
    }
    if (queue.waiting.length >= this.maxWaiting) {
      const retryAfterS = Math.max(1, Math.ceil(((queue.waiting.length + 1) * this.gap) / 1000));
      return Promise.reject(new StripeQueueFullError(lane, retryAfterS));
    }
    if (queue.waiting.length === 0) queue.pass = Math.max(queue.pass, state.virtualTime);
    const granted = new Promise<void>((resolve) => queue.waiting.push(resolve));
    this.arm(state);
    return granted;
  }

  private stateOf(account: string): Account {
    let state = this.accounts.get(account);
    if (!state) {
      const lane = (): Lane => ({ waiting: [], pass: 0 });
      state = {
        nextSlot: 0,
        virtualTime: 0,
        lanes: { interactive: lane(), notifications: lane(), sync: lane() },
        timerArmed: false,
      };
      this.accounts.set(account, state);
    }
    return state;
  }

  private waitingIn(state: Account): number {
    return LANES.reduce((sum, lane) => sum + state.lanes[lane].waiting.length, 0);
  }

  private arm(state: Account): void {
    if (state.timerArmed) return;
    state.timerArmed = true;
    this.clock.after(Math.max(0, state.nextSlot - this.clock.now()), () => {
      state.timerArmed = false;
      this.grant(state);
    });
  }

  /** Gives the slot that has come to the lane whose turn it is, and waits for the next slot if more wait. */
  private grant(state: Account): void {
    const now = this.clock.now();
    if (now < state.nextSlot) return this.arm(state);
    let next: ProviderLane | null = null;
    for (const lane of LANES) {
      const queue = state.lanes[lane];
      if (queue.waiting.length > 0 && (next === null || queue.pass < state.lanes[next].pass)) next = lane;
    }
    if (next === null) return;
    const queue = state.lanes[next];
    state.virtualTime = queue.pass;
    queue.pass += 1 / WEIGHTS[next];
    state.nextSlot = now + this.gap;
    queue.waiting.shift()!();
    if (this.waitingIn(state) > 0) this.arm(state);
  }
}
