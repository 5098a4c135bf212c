import { PeriodicTask } from './periodic-task';

/** Settles once the given condition holds (polled every millisecond, real timers). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  if (!condition()) throw new Error('condition never held');
}

describe('PeriodicTask', () => {
  it('never runs twice at once, goes on after a failure, and stops after the run in hand', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    let release: () => void = () => undefined;
    const task = new PeriodicTask('test task', 1, async () => {
      runs++;
      running++;
      if (running > 1) overlapped = true;
      try {
        if (runs === 1) throw new Error('first run fails');
        if (runs === 3) await new Promise<void>((resolve) => (release = resolve));
      } finally {
        running--;
      }
    });
    task.start();
    await until(() => runs === 3);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(overlapped).toBe(false);
    const afterStop = runs;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(afterStop);
  });
});
