import { Logger } from '@nestjs/common';

/**
 * Runs `task` every `intervalMs` on the real clock, never two runs at once; a failed run is
 * logged and the next one comes on time. `stop()` clears the timer and waits for the run in hand,
 * so a shutdown does not cut a batch in half. The timer never keeps a process alive.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.task()
        .then(
          () => undefined,
          (error: unknown) => this.logger.error(`${this.name} failed: ${(error as Error).message}`),
        )
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
