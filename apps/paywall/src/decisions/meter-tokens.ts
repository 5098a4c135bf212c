import { SignedTokens } from '@libs/common';
import type { MeteredRead } from './decision-types';

/** Reads older than any window a policy may use are dropped; at most this many are carried. */
export const METER_MEMORY_DAYS = 92;
export const METER_MAX_READS = 100;

/** Meter keys as the decision compares them: base64url of 8 bytes (article) and 4 bytes (section). */
export const ARTICLE_KEY_BYTES = 8;
export const SECTION_KEY_BYTES = 4;

export interface AnonymousMeter {
  tenantId: string;
  anonymousId: string;
  reads: readonly MeteredRead[];
}

const VERSION = 2;
const READ_BYTES = ARTICLE_KEY_BYTES + 4 + SECTION_KEY_BYTES;
const NO_SECTION = Buffer.alloc(SECTION_KEY_BYTES);

/**
 * An anonymous reader's meter, carried by the reader in a signed token: a version byte, the
 * anonymous id (length-prefixed), then 16 bytes a read (article key, local day, section key).
 * Binary, because it travels with every page view both ways. The agency is part of what is
 * signed, not of the token. A forged, tampered, foreign or malformed token reads as no token:
 * the reader starts as a fresh one, never with more free reads than that.
 */
export class MeterTokens {
  constructor(private readonly tokens: SignedTokens) {}

  issue(meter: AnonymousMeter, today: number): string {
    const kept = meter.reads
      .filter((read) => read.day > today - METER_MEMORY_DAYS && read.day <= today)
      .slice(-METER_MAX_READS);
    const id = Buffer.from(meter.anonymousId, 'latin1');
    const bytes = Buffer.allocUnsafe(2 + id.length + kept.length * READ_BYTES);
    bytes[0] = VERSION;
    bytes[1] = id.length;
    id.copy(bytes, 2);
    let at = 2 + id.length;
    for (const read of kept) {
      bytes.write(read.article, at, ARTICLE_KEY_BYTES, 'base64url');
      bytes.writeUInt32BE(read.day, at + ARTICLE_KEY_BYTES);
      if (read.section === null) NO_SECTION.copy(bytes, at + ARTICLE_KEY_BYTES + 4);
      else bytes.write(read.section, at + ARTICLE_KEY_BYTES + 4, SECTION_KEY_BYTES, 'base64url');
      at += READ_BYTES;
    }
    return this.tokens.seal(purposeOf(meter.tenantId), bytes);
  }

  read(token: string, tenantId: string): AnonymousMeter | null {
    const bytes = this.tokens.open(purposeOf(tenantId), token);
    if (!bytes || bytes.length < 2 || bytes[0] !== VERSION) return null;
    const idLength = bytes[1];
    const readBytes = bytes.length - 2 - idLength;
    if (idLength === 0 || readBytes < 0 || readBytes % READ_BYTES !== 0 || readBytes / READ_BYTES > METER_MAX_READS)
      return null;
    const reads: MeteredRead[] = [];
    for (let at = 2 + idLength; at < bytes.length; at += READ_BYTES) {
      const section = bytes.subarray(at + ARTICLE_KEY_BYTES + 4, at + READ_BYTES);
      reads.push({
        article: bytes.toString('base64url', at, at + ARTICLE_KEY_BYTES),
        day: bytes.readUInt32BE(at + ARTICLE_KEY_BYTES),
        section: section.equals(NO_SECTION) ? null : section.toString('base64url'),
      });
    }
    return { tenantId, anonymousId: bytes.toString('latin1', 2, 2 + idLength), reads };
  }
}

function purposeOf(tenantId: string): string {
  return `meter.${tenantId}`;
}
