import { WorkLoop } from './work-loop';

describe('WorkLoop', () => {
  it('keeps stepping while there is more, sleeps when there is none, and wakes on demand', async () => {
    const queue = [1, 2, 3];
    const done: number[] = [];
    const loop = new WorkLoop(
      async () => {
        const next = queue.shift();
        if (next !== undefined) done.push(next);
        return queue.length > 0;
      },
      60_000,
      () => undefined,
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toEqual([1, 2, 3]);
    queue.push(4);
    loop.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toEqual([1, 2, 3, 4]);
    await loop.stop();
  });

  it('does not lose a wake that arrives while a step runs', async () => {
    let steps = 0;
    let loop: WorkLoop | undefined = undefined;
    loop = new WorkLoop(
      async () => {
        steps++;
        if (steps === 1) loop?.wake();
        return false;
      },
      60_000,
      () => undefined,
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toBe(2);
    await loop.stop();
  });

  it('reports a failing step and carries on after the idle time', async () => {
    const errors: string[] = [];
    let steps = 0;
    const loop = new WorkLoop(
      async () => {
        steps++;
        if (steps === 1) throw new Error('database away');
        return false;
      },
      10,
      (error) => errors.push(error.message),
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(errors).toEqual(['database away']);
    expect(steps).toBeGreaterThan(1);
    await loop.stop();
  });
});
