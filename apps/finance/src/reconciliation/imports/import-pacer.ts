/**
 * Spaces an agency's requests to at most `perSecond`, so an import never meets the provider's
 * rate limit. One import per agency runs at a time, so pacing the job paces the agency. Keyed by
 * tenant ids of stored imports, so it holds one number per agency and needs no bound.
 */
export class ImportPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  /** How long to wait before the agency's next request may go, and books that slot. */
  delayFor(agency: string, now: number): number {
    const slot = Math.max(now, this.nextSlot.get(agency) ?? 0);
    this.nextSlot.set(agency, slot + 1000 / this.perSecond);
    return slot - now;
  }

  async wait(agency: string): Promise<void> {
    const delay = this.delayFor(agency, Date.now());
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
