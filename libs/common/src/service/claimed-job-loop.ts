import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RequestContext, runWithContext } from '../context/request-context';
import { WorkLoop } from './work-loop';

/** What became of a job after one step: more steps to go, finished, or claimed meanwhile by another instance. */
export type ClaimedJobStep = 'continues' | 'done' | 'lost';

/** How one kind of job is claimed, worked, failed and handed back; the loop does the rest. */
export interface ClaimedJobWork<Job extends { id: string }> {
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Names the work in the loop's own error lines: 'provider sync' gives "provider sync: …". */
  label: string;
  /** Names one job in its log lines: 'sync job' gives "sync job <id> failed: …". */
  jobNoun: string;
  /** What this instance does about a job another took over, for that log line; "leaving it" unless said. */
  whenLost?: string;
  /** How long the loop sleeps when no job is waiting and no wake came. */
  idleMs: number;
  /** The request context a job is worked in, so its log lines and events say whose work it is. */
  contextOf: (job: Job) => RequestContext;
  /** Claims a queued job, or one whose instance went silent; null when none is waiting. */
  claim: () => Promise<Job | null>;
  /** Works one step of the job (a page, or the whole job); an error thrown fails the job, see `endsJob`. */
  step: (job: Job) => Promise<ClaimedJobStep>;
  /**
   * Whether an error a step threw ends the job; every error does unless said. One that does not
   * is the loop's trouble, not the job's: it is logged, and the job stays in hand for the next
   * step after the idle pause.
   */
  endsJob?: (error: Error) => boolean;
  /** Records that the job failed; it has already left this instance's hand. */
  recordFailure: (job: Job, error: Error) => Promise<unknown>;
  /** Gives the job in hand back to the queue on shutdown, so another instance resumes it. */
  handBack?: (job: Job) => Promise<unknown>;
  /** Shows the job alive while a step runs, for steps that may outlast the time after which a silent job is taken over. */
  heartbeat?: { everyMs: number; beat: (job: Job) => Promise<unknown> };
}

/**
 * Works claimed jobs one step at a time and keeps the job in hand between steps: a job is dropped
 * when it is done, when another instance took it over (its claim was superseded) or when it
 * failed, and the next one is claimed. Sleeps when none is waiting until woken or the idle time
 * passes; on stop, lets the step in hand finish and hands the job in hand back to the queue.
 */
export class ClaimedJobLoop<Job extends { id: string }> {
  private readonly loop: WorkLoop;
  private held: Job | null = null;

  constructor(private readonly work: ClaimedJobWork<Job>) {
    this.loop = new WorkLoop(
      () => this.advance(),
      work.idleMs,
      (error) => work.logger.error(`${work.label}: ${error.message}`),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** New work was queued in this instance: no need to wait for the idle time. */
  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    const held = this.held;
    this.held = null;
    if (held) await this.work.handBack?.(held);
  }

  /** Works one step of the job in hand, claiming a job first if none is; false when there is none. */
  async advance(): Promise<boolean> {
    this.held ??= await this.work.claim();
    const job = this.held;
    if (!job) return false;
    await runWithContext(this.work.contextOf(job), () => this.stepOnce(job));
    return true;
  }

  private async stepOnce(job: Job): Promise<void> {
    let outcome: ClaimedJobStep;
    try {
      outcome = await this.beatingWhile(job, () => this.work.step(job));
    } catch (error) {
      if (!(this.work.endsJob?.(error as Error) ?? true)) throw error;
      this.held = null;
      this.work.logger.warn(`${this.work.jobNoun} ${job.id} failed: ${(error as Error).message}`);
      await this.work.recordFailure(job, error as Error);
      return;
    }
    if (outcome === 'lost')
      this.work.logger.warn(
        `${this.work.jobNoun} ${job.id} was taken over by another instance; ${this.work.whenLost ?? 'leaving it'}`,
      );
    if (outcome !== 'continues') this.held = null;
  }

  private async beatingWhile<T>(job: Job, work: () => Promise<T>): Promise<T> {
    const heartbeat = this.work.heartbeat;
    if (!heartbeat) return work();
    const timer = setInterval(() => void heartbeat.beat(job).catch(() => undefined), heartbeat.everyMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}

/**
 * A Nest provider working one kind of claimed job: its loop starts once the application is up and
 * stops on shutdown (the step in hand finishes, the job in hand goes back to the queue).
 */
export abstract class ClaimedJobRunner<Job extends { id: string }>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected abstract readonly loop: ClaimedJobLoop<Job>;

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** A job was queued in this instance: no need to wait for the idle time. */
  wake(): void {
    this.loop.wake();
  }

  /** Works one step of the job in hand, claiming a job first if none is; false when there is none. */
  advance(): Promise<boolean> {
    return this.loop.advance();
  }
}
