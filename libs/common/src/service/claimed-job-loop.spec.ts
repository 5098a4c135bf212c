import { currentContext } from '../context/request-context';
import { ClaimedJobLoop, ClaimedJobStep, ClaimedJobWork } from './claimed-job-loop';

interface Job {
  id: string;
}

/** A queue of jobs to claim and a script of step answers per job, recording what the loop did with them. */
function jobsOf(
  ids: string[],
  answers: Record<string, (ClaimedJobStep | Error)[]>,
  overrides: Partial<ClaimedJobWork<Job>> = {},
) {
  const queue = ids.map((id) => ({ id }));
  const seen = {
    claims: 0,
    steps: [] as string[],
    failures: [] as string[],
    handedBack: [] as string[],
    warnings: [] as string[],
    errors: [] as string[],
  };
  const work: ClaimedJobWork<Job> = {
    logger: {
      warn: (message: string) => seen.warnings.push(message),
      error: (message: string) => seen.errors.push(message),
    },
    label: 'test import',
    jobNoun: 'job',
    idleMs: 60_000,
    contextOf: (job) => ({ requestId: `test:${job.id}`, actor: 'test' }),
    claim: async () => {
      seen.claims++;
      return queue.shift() ?? null;
    },
    step: async (job) => {
      seen.steps.push(`${job.id}@${currentContext()?.requestId}`);
      const answer = answers[job.id].shift() ?? new Error(`job ${job.id} was stepped after its last scripted step`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    recordFailure: async (job, error) => {
      seen.failures.push(`${job.id}: ${error.message}`);
    },
    handBack: async (job) => {
      seen.handedBack.push(job.id);
    },
    ...overrides,
  };
  return { loop: new ClaimedJobLoop(work), seen };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ClaimedJobLoop', () => {
  it('claims a job and works its steps, in its request context, until it is done', async () => {
    const { loop, seen } = jobsOf(['a', 'b'], { a: ['continues', 'continues', 'done'], b: ['done'] });
    expect(await loop.advance()).toBe(true);
    expect(await loop.advance()).toBe(true);
    expect(await loop.advance()).toBe(true);
    expect(seen.claims).toBe(1);
    expect(await loop.advance()).toBe(true);
    expect(await loop.advance()).toBe(false);
    expect(seen.steps).toEqual(['a@test:a', 'a@test:a', 'a@test:a', 'b@test:b']);
    expect(seen.claims).toBe(3);
    expect(seen.warnings).toEqual([]);
  });

  it('drops a job another instance took over and claims the next', async () => {
    const { loop, seen } = jobsOf(['a', 'b'], { a: ['continues', 'lost'], b: ['done'] });
    await loop.advance();
    await loop.advance();
    await loop.advance();
    expect(seen.steps.map((step) => step.split('@')[0])).toEqual(['a', 'a', 'b']);
    expect(seen.warnings).toEqual(['job a was taken over by another instance; leaving it']);
    expect(seen.failures).toEqual([]);
  });

  it('says what it does about a lost job as told', async () => {
    const { loop, seen } = jobsOf(['a'], { a: ['lost'] }, { whenLost: 'its work here is rolled back' });
    await loop.advance();
    expect(seen.warnings).toEqual(['job a was taken over by another instance; its work here is rolled back']);
  });

  it('records the failure of a step that throws, drops the job and claims the next', async () => {
    const { loop, seen } = jobsOf(['a', 'b'], { a: ['continues', new Error('provider refused')], b: ['done'] });
    await loop.advance();
    await loop.advance();
    expect(seen.failures).toEqual(['a: provider refused']);
    expect(seen.warnings).toEqual(['job a failed: provider refused']);
    await loop.advance();
    expect(seen.steps.map((step) => step.split('@')[0])).toEqual(['a', 'a', 'b']);
  });

  it('keeps the job in hand when a step throws an error that does not end it', async () => {
    const { loop, seen } = jobsOf(
      ['a', 'b'],
      { a: [new Error('database away'), 'done'], b: ['done'] },
      { endsJob: () => false },
    );
    await expect(loop.advance()).rejects.toThrow('database away');
    expect(seen.failures).toEqual([]);
    await loop.advance();
    expect(seen.steps.map((step) => step.split('@')[0])).toEqual(['a', 'a']);
    expect(seen.claims).toBe(1);
  });

  it('hands the job in hand back to the queue when stopped, after its step finishes', async () => {
    let stepping = 0;
    const { loop, seen } = jobsOf(
      ['a'],
      { a: [] },
      {
        step: async () => {
          stepping++;
          await pause(5);
          return 'continues';
        },
      },
    );
    loop.start();
    await pause(20);
    await loop.stop();
    expect(stepping).toBeGreaterThan(0);
    expect(seen.handedBack).toEqual(['a']);
    expect(seen.claims).toBe(1);
  });

  it('hands nothing back when no job is in hand', async () => {
    const { loop, seen } = jobsOf(['a'], { a: ['done'] });
    loop.start();
    await pause(20);
    await loop.stop();
    expect(seen.steps).toHaveLength(1);
    expect(seen.handedBack).toEqual([]);
  });

  it('picks up a job queued while idle as soon as it is woken', async () => {
    const queue: Job[] = [];
    const { loop, seen } = jobsOf([], { a: ['done'] }, { claim: async () => queue.shift() ?? null });
    loop.start();
    await pause(10);
    queue.push({ id: 'a' });
    loop.wake();
    await pause(10);
    await loop.stop();
    expect(seen.steps).toEqual(['a@test:a']);
  });

  it('reports an error claiming under its label', async () => {
    const { loop, seen } = jobsOf([], {}, { idleMs: 5, claim: async () => Promise.reject(new Error('database away')) });
    loop.start();
    await pause(20);
    await loop.stop();
    expect(seen.errors[0]).toBe('test import: database away');
  });

  it('beats the heart of a job while its step runs, and only then', async () => {
    const beats: string[] = [];
    const { loop } = jobsOf(
      ['a'],
      { a: [] },
      {
        step: async () => {
          await pause(60);
          return 'done';
        },
        heartbeat: { everyMs: 10, beat: async (job) => beats.push(job.id) },
      },
    );
    await loop.advance();
    const beatsWhileStepping = beats.length;
    expect(beatsWhileStepping).toBeGreaterThanOrEqual(2);
    await pause(30);
    expect(beats).toHaveLength(beatsWhileStepping);
  });

  it('carries on when a heartbeat fails', async () => {
    const { loop, seen } = jobsOf(
      ['a'],
      { a: [] },
      {
        step: async () => {
          await pause(30);
          return 'done';
        },
        heartbeat: { everyMs: 5, beat: async () => Promise.reject(new Error('database away')) },
      },
    );
    expect(await loop.advance()).toBe(true);
    expect(seen.failures).toEqual([]);
  });
});
