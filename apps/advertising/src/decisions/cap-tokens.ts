import { SignedTokens } from '@libs/common';
import { CAP_TOKEN_MAX_LINES, CapCount, CapCounts, NO_CAP_COUNTS } from './frequency-caps';

const VERSION = 1;
const KEY_BYTES = 6;
const ENTRY_BYTES = KEY_BYTES + 4 + 2;
const MAX_COUNT = 0xffff;

/**
 * A reader's frequency-cap counts, carried by their page (first-party storage) in a token
 * advertising signs (`ADVERTISING_TOKEN_KEYS`): nothing is kept per anonymous reader on the
 * server. Binary, as it travels with every page both ways: a version byte, then 12 bytes a line
 * (its key, when its window ends in unix seconds, its count). The agency is part of what is
 * signed. A forged, tampered, foreign or malformed token reads as no counts: the reader starts
 * afresh, never capped by someone else's token.
 */
export class CapTokens {
  // Unlike reader tokens, cap tokens are not remembered once verified: each answer that serves a
  // capped line issues a new one, so a memory of them would churn (and the old generation with it).
  constructor(private readonly tokens: SignedTokens) {}

  issue(tenantId: string, counts: CapCounts): string {
    const bytes = Buffer.allocUnsafe(1 + counts.size * ENTRY_BYTES);
    bytes[0] = VERSION;
    let at = 1;
    for (const [key, { count, until }] of counts) {
      bytes.writeUIntBE(key, at, KEY_BYTES);
      bytes.writeUInt32BE(until, at + KEY_BYTES);
      bytes.writeUInt16BE(Math.min(count, MAX_COUNT), at + KEY_BYTES + 4);
      at += ENTRY_BYTES;
    }
    return this.tokens.seal(purposeOf(tenantId), bytes);
  }

  /** The counts whose windows have not ended at `now` (unix seconds). */
  read(token: string | undefined, tenantId: string, now: number): CapCounts {
    if (!token) return NO_CAP_COUNTS;
    const bytes = this.tokens.open(purposeOf(tenantId), token);
    if (!bytes || bytes[0] !== VERSION || (bytes.length - 1) % ENTRY_BYTES !== 0) return NO_CAP_COUNTS;
    if ((bytes.length - 1) / ENTRY_BYTES > CAP_TOKEN_MAX_LINES) return NO_CAP_COUNTS;
    const counts = new Map<number, CapCount>();
    for (let at = 1; at < bytes.length; at += ENTRY_BYTES) {
      const until = bytes.readUInt32BE(at + KEY_BYTES);
      if (until <= now) continue;
      counts.set(bytes.readUIntBE(at, KEY_BYTES), { until, count: bytes.readUInt16BE(at + KEY_BYTES + 4) });
    }
    return counts;
  }
}

function purposeOf(tenantId: string): string {
  return `ad-cap.${tenantId}`;
}
