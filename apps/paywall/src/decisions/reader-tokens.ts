import { SignedTokens } from './signed-tokens';

type Wire = { v: 1; t: string; r: string; x: number };

/**
 * Who a logged-in reader is, vouched for by the agency's server (which asked the paywall for the
 * token with its API key) and carried by the reader's page. Expired, foreign or forged tokens
 * read as no reader: the reader is treated as anonymous.
 */
export class ReaderTokens {
  constructor(private readonly tokens: SignedTokens) {}

  issue(tenantId: string, readerKey: string, expiresAt: Date): string {
    const wire: Wire = { v: 1, t: tenantId, r: readerKey, x: Math.floor(expiresAt.getTime() / 1000) };
    return this.tokens.sign('reader', wire);
  }

  readerKeyOf(token: string, tenantId: string, now: number): string | null {
    const wire = this.tokens.verify('reader', token) as Wire | null;
    if (!wire || wire.v !== 1 || wire.t !== tenantId || typeof wire.r !== 'string' || typeof wire.x !== 'number') return null;
    return wire.x * 1000 > now ? wire.r : null;
  }
}
