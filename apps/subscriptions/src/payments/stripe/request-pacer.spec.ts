import type { ProviderLane } from '../provider-lane';
import { PacerClock, RequestPacer } from './request-pacer';
import { StripeQueueFullError } from './stripe-queue-full.error';

/** A clock that moves only when the test says so, firing what fell due. */
class FakeClock implements PacerClock {
  private time = 0;
  private timers: { at: number; fire: () => void }[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, fire: () => void): void {
    this.timers.push({ at: this.time + ms, fire });
  }

  /** Moves the clock `ms` on, firing every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.time = next.at;
      next.fire();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** 10 requests a second: one slot every 100 ms. */
const INTERVAL = 100;

describe('RequestPacer', () => {
  let clock: FakeClock;
  let pacer: RequestPacer;
  /** The lanes whose requests were let through, in order. */
  let granted: string[];

  beforeEach(() => {
    clock = new FakeClock();
    pacer = new RequestPacer(1000 / INTERVAL, 5, clock);
    granted = [];
  });

  const request = (lane: ProviderLane, account = 'acct_1', name: string = lane) =>
    pacer.wait(account, lane).then(() => void granted.push(name));

  it('lets the first request through at once and spaces the next ones one interval apart', async () => {
    void request('interactive', 'acct_1', 'a');
    void request('interactive', 'acct_1', 'b');
    await flush();
    expect(granted).toEqual(['a']);
    await clock.advance(INTERVAL - 1);
    expect(granted).toEqual(['a']);
    await clock.advance(1);
    expect(granted).toEqual(['a', 'b']);
  });

  it('refuses a request beyond the cap of its lane at once, with when to try again, and keeps other lanes and agencies open', async () => {
    void request('interactive'); // takes the slot now
    for (let i = 0; i < 5; i++) void request('sync');
    const refused = await pacer.wait('acct_1', 'sync').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StripeQueueFullError);
    expect(refused).toMatchObject({ code: 'unavailable', lane: 'sync', retryAfterS: 1 });
    expect((refused as Error).message).toMatch(/^Stripe request queue full/);

    const interactive = pacer.wait('acct_1', 'interactive');
    const otherAgency = pacer.wait('acct_2', 'sync');
    await expect(otherAgency).resolves.toBeUndefined();
    await clock.advance(INTERVAL);
    await expect(interactive).resolves.toBeUndefined();
  });

  it('lets an interactive request go within one interval while the sync lane is saturated', async () => {
    for (let i = 0; i < 5; i++) void request('sync');
    await clock.advance(INTERVAL * 2 + 30); // sync requests are flowing
    expect(granted).toEqual(['sync', 'sync', 'sync']);

    void request('interactive');
    await clock.advance(INTERVAL - 30); // the next slot
    expect(granted).toEqual(['sync', 'sync', 'sync', 'interactive']);
  });

  it('shares the rate by weight while every lane waits, so no lane takes the whole budget and none starves', async () => {
    const big = new RequestPacer(1000 / INTERVAL, 100, clock);
    const counted: ProviderLane[] = [];
    const keepWaiting = (lane: ProviderLane) => {
      const next = (): void => {
        void big.wait('acct_1', lane).then(() => {
          counted.push(lane);
          next();
        });
      };
      for (let i = 0; i < 3; i++) next();
    };
    keepWaiting('sync');
    keepWaiting('notifications');
    keepWaiting('interactive');
    await clock.advance(INTERVAL * 70);
    const share = (lane: ProviderLane) => counted.filter((l) => l === lane).length;
    // 71 slots (one at 0, one every interval): 4:2:1 of them, give or take the first round.
    expect(counted).toHaveLength(71);
    expect(share('interactive')).toBeGreaterThanOrEqual(39);
    expect(share('notifications')).toBeGreaterThanOrEqual(19);
    expect(share('sync')).toBeGreaterThanOrEqual(9);
  });

  it('gives the whole rate to background lanes when no user waits', async () => {
    for (let i = 0; i < 4; i++) void request('notifications');
    for (let i = 0; i < 4; i++) void request('sync');
    await clock.advance(INTERVAL * 7);
    expect(granted).toHaveLength(8);
    // Notifications go twice as often as sync while both wait.
    expect(granted.slice(0, 6).filter((l) => l === 'notifications')).toHaveLength(4);
  });
});
