/**
 * Spaces requests to one provider account to at most `perSecond`, across all callers in this
 * process, so bursts queue here instead of meeting the provider's rate limit. Keyed by agencies'
 * provider accounts, read from the database, so it holds one number per agency and needs no bound.
 */
export class RequestPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  async wait(account: string, now = Date.now()): Promise<void> {
    const gap = 1000 / this.perSecond;
    const slot = Math.max(now, this.nextSlot.get(account) ?? 0);
    this.nextSlot.set(account, slot + gap);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
