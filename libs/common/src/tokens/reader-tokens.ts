import { BoundedMap } from '../memory/bounded-map';
import { SignedTokens } from './signed-tokens';

type Wire = { v: 1; t: string; r: string; x: number };

/** Verified tokens kept per instance; past this, the least recently used is forgotten first. */
export const VERIFIED_READER_TOKENS_KEPT = 100_000;

/**
 * Who a logged-in reader is, vouched for by the agency's server (which asked the paywall for the
 * token with its API key) and carried by the reader's page. Expired, foreign or forged tokens
 * read as no reader: the reader is treated as anonymous.
 */
export class ReaderTokens {
  /**
   * A logged-in reader sends the same token with every page view, and checking its MAC again is
   * most of what a decision costs: tokens that verified are remembered by their exact text (never
   * a failure, so nothing unsigned gets in). Expiry and agency are still checked on every use.
   */
  private readonly verified = new BoundedMap<string, Wire>({ maxEntries: VERIFIED_READER_TOKENS_KEPT });

  constructor(private readonly tokens: SignedTokens) {}

  /** How many verified tokens this instance remembers. */
  get verifiedCount(): number {
    return this.verified.size;
  }

  issue(tenantId: string, readerKey: string, expiresAt: Date): string {
    const wire: Wire = { v: 1, t: tenantId, r: readerKey, x: Math.floor(expiresAt.getTime() / 1000) };
    return this.tokens.sign('reader', wire);
  }

  readerKeyOf(token: string, tenantId: string, now: number): string | null {
    const wire = this.verified.get(token) ?? this.verify(token);
    if (!wire || wire.t !== tenantId) return null;
    return wire.x * 1000 > now ? wire.r : null;
  }

  private verify(token: string): Wire | null {
    const wire = this.tokens.verify('reader', token) as Wire | null;
    if (!wire || wire.v !== 1 || typeof wire.t !== 'string' || typeof wire.r !== 'string' || typeof wire.x !== 'number')
      return null;
    this.verified.set(token, wire);
    return wire;
  }
}
