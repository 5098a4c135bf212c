/** One part of a service's own health: ok, or degraded (still serving, but someone should look), with figures. */
export type HealthDetail = { status: 'ok' | 'degraded' } & Record<string, unknown>;

/**
 * Where a service adds details of its own to its health answer (`GET /health`): a source is
 * asked on each health request; a degraded one makes the answer `degraded` (still 200: the
 * instance serves, but something waits too long).
 */
export class HealthDetails {
  private readonly sources = new Map<string, () => Promise<HealthDetail>>();

  add(name: string, source: () => Promise<HealthDetail>): void {
    this.sources.set(name, source);
  }

  /** Each source's detail; one that fails to answer reports degraded with its error. */
  async read(): Promise<Record<string, HealthDetail> | null> {
    if (this.sources.size === 0) return null;
    const entries = await Promise.all(
      [...this.sources].map(async ([name, source]): Promise<[string, HealthDetail]> => {
        try {
          return [name, await source()];
        } catch (error) {
          return [name, { status: 'degraded', error: (error as Error).message }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }
}
