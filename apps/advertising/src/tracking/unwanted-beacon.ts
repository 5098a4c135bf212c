import type { IncomingHttpHeaders } from 'node:http';

/** Why a beacon is answered but not counted. */
export const UNWANTED_REASONS = ['no-user-agent', 'bot', 'prefetch', 'preview', 'data-centre'] as const;
export type UnwantedReason = (typeof UNWANTED_REASONS)[number];

/** What the filter asks of the world: whether a user agent is a known bot, and an address a data centre's. */
export interface BeaconJudges {
  isBot: (userAgent: string) => boolean;
  inDataCentre: (address: string) => boolean;
}

/** Headers browsers set on speculative loads: a prefetched or prerendered page has not been seen. */
const PURPOSE_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'] as const;

/**
 * Whether a beacon comes from something other than a reader looking at the page, and why: no
 * user agent at all, a known bot or headless browser (`isBot`: the `isbot` pattern list), a
 * prefetch or prerender (`Sec-Purpose`/`Purpose: prefetch`, Firefox's `X-Moz: prefetch`), a
 * link preview (Safari's `X-Purpose: preview`), or a client address in a data centre. Null: a
 * reader's beacon, to count.
 */
export function unwantedReasonOf(
  headers: IncomingHttpHeaders,
  clientAddress: string,
  judges: BeaconJudges,
): UnwantedReason | null {
  const userAgent = headers['user-agent'];
  if (!userAgent) return 'no-user-agent';
  for (const name of PURPOSE_HEADERS) {
    const value = headers[name];
    if (typeof value !== 'string') continue;
    const purpose = value.toLowerCase();
    if (purpose.includes('prefetch') || purpose.includes('prerender')) return 'prefetch';
    if (purpose.includes('preview')) return 'preview';
  }
  if (judges.isBot(userAgent)) return 'bot';
  if (judges.inDataCentre(clientAddress)) return 'data-centre';
  return null;
}
