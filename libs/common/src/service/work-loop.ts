/**
 * Runs `step` over and over until stopped. A step answers whether more work is waiting; when
 * none is, the loop sleeps until `wake()` or `idleMs`, whichever comes first. A wake that
 * arrives while a step runs is kept, so new work never waits for the idle timeout.
 */
export class WorkLoop {
  private running = false;
  private woken = false;
  private loop?: Promise<void>;
  private release?: () => void;

  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.release?.();
  }

  /** Lets the step in hand finish, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let more = false;
      try {
        more = await this.step();
      } catch (error) {
        this.onError(error as Error);
      }
      if (!more && !this.woken && this.running) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.release?.(), this.idleMs);
      this.release = () => {
        clearTimeout(timer);
        this.release = undefined;
        resolve();
      };
    });
  }
}
