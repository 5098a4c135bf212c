import { createHash, randomFillSync } from 'node:crypto';
import { SignedTokens } from '@libs/common';

/** What a beacon token says: which ad was shown where, when it was decided, and for which article. */
export interface Beacon {
  beaconId: string;
  tenantId: string;
  siteId: string;
  orderId: string;
  lineId: string;
  adUnitId: string;
  creativeId: string;
  /** The page's article (`article` in the ad request); '' when the page named none. */
  articleId: string;
  /** The reader's pseudonymous key digest (hex), when the decision knew the reader; null otherwise. */
  readerHash: string | null;
  /** When the ad was decided, in epoch milliseconds (to the second). */
  decidedAt: number;
  /** The digest of the creative's landing page, which a click redirects to; null without one. */
  destinationDigest: Buffer | null;
}

/** Where an ad is placed: the ids every beacon of one creative on one line carries. */
export interface BeaconPlacement {
  tenantId: string;
  siteId: string;
  orderId: string;
  lineId: string;
  adUnitId: string;
  creativeId: string;
  /** The creative's landing page, or null. */
  clickUrl: string | null;
}

/** Tokens are signed for this use only: a meter, reader or cap token is never a beacon. */
const PURPOSE = 'ad-beacon';
const VERSION = 1;
const HAS_DESTINATION = 1;
const HAS_READER = 2;
/** Version, flags, decided-at (seconds, 4 bytes), then the beacon id; the placement follows. */
const HEAD = 22;
/** The six ids of a placement. */
const PLACEMENT_IDS = 96;
const FIXED = HEAD + PLACEMENT_IDS;
const DIGEST_BYTES = 16;
const READER_BYTES = 8;
/** Longest article id a beacon carries (the paywall's article ids are at most 200 ASCII characters). */
export const BEACON_ARTICLE_MAX = 200;

/**
 * Compact signed beacons: one per ad served, shared by its impression, viewable and click URLs.
 * The bytes are the ids as 16-byte values, the decision time in seconds, the digest of the click
 * destination (so a click URL can carry the destination without being an open redirect), an
 * optional reader digest, and the article id last; sealed with `ADVERTISING_TOKEN_KEYS` for the
 * purpose 'ad-beacon'. What every beacon of one placement shares is encoded once (`placementOf`).
 */
export class BeaconTokens {
  private readonly random = Buffer.alloc(4096);
  private randomAt = this.random.length;

  constructor(private readonly tokens: SignedTokens) {}

  /** The fixed bytes of a placement's beacons (its ids and the destination's digest), to keep and reuse. */
  static placementOf(placement: BeaconPlacement): Buffer {
    const bytes = Buffer.alloc(PLACEMENT_IDS + (placement.clickUrl === null ? 0 : DIGEST_BYTES));
    const ids = [
      placement.tenantId,
      placement.siteId,
      placement.orderId,
      placement.lineId,
      placement.adUnitId,
      placement.creativeId,
    ];
    ids.forEach((id, index) => writeUuid(bytes, index * 16, id));
    if (placement.clickUrl !== null) destinationDigestOf(placement.clickUrl).copy(bytes, PLACEMENT_IDS);
    return bytes;
  }

  /** A new beacon for one ad decided at `decidedAt`: its token (what a decision puts in the ad's URLs). */
  sign(
    placement: Buffer,
    decidedAt: number,
    articleId: string,
    /** The reader's digest (its first 8 bytes are carried), when the decision knows the reader. */
    readerHash: Buffer | null = null,
  ): string {
    if (readerHash && readerHash.length < READER_BYTES) throw new Error(`a reader digest has ${READER_BYTES} bytes`);
    const article = articleId.length <= BEACON_ARTICLE_MAX ? articleId : '';
    const bytes = Buffer.allocUnsafe(HEAD + placement.length + (readerHash ? READER_BYTES : 0) + article.length);
    bytes[0] = VERSION;
    bytes[1] = (placement.length > PLACEMENT_IDS ? HAS_DESTINATION : 0) | (readerHash ? HAS_READER : 0);
    bytes.writeUInt32BE(Math.floor(decidedAt / 1000), 2);
    this.writeBeaconId(bytes, decidedAt);
    placement.copy(bytes, HEAD);
    let at = HEAD + placement.length;
    if (readerHash) at += readerHash.copy(bytes, at, 0, READER_BYTES);
    bytes.write(article, at, 'latin1');
    return this.tokens.seal(PURPOSE, bytes);
  }

  /** A new beacon, as `sign`, with its id (for those that keep it: tests and benches). */
  issue(
    placement: Buffer,
    decidedAt: number,
    articleId: string,
    readerHash: Buffer | null = null,
  ): { beaconId: string; token: string } {
    const token = this.sign(placement, decidedAt, articleId, readerHash);
    return { beaconId: this.open(token)!.beaconId, token };
  }

  /**
   * The beacon id (bytes 6 to 22), a UUID version 7: the time in milliseconds, then random bits (drawn from a pool
   * refilled 4 KiB at a time, every ad served needs some). Raw events are keyed by beacon id, so ids
   * that grow with time are stored side by side in the key's index instead of on a random page each.
   */
  private writeBeaconId(bytes: Buffer, at: number): void {
    if (this.randomAt + 10 > this.random.length) {
      randomFillSync(this.random);
      this.randomAt = 0;
    }
    bytes.writeUIntBE(Math.floor(at), 6, 6);
    this.random.copy(bytes, 12, this.randomAt, (this.randomAt += 10));
    bytes[12] = 0x70 | (bytes[12] & 0x0f);
    bytes[14] = 0x80 | (bytes[14] & 0x3f);
  }

  /** The beacon, or null for anything malformed, forged, tampered with or signed for another use. */
  open(token: string): Beacon | null {
    const bytes = this.tokens.open(PURPOSE, token);
    if (!bytes || bytes.length < FIXED || bytes[0] !== VERSION || (bytes[1] & ~(HAS_DESTINATION | HAS_READER)) !== 0)
      return null;
    const flags = bytes[1];
    let at = FIXED;
    let destinationDigest: Buffer | null = null;
    if (flags & HAS_DESTINATION) {
      destinationDigest = bytes.subarray(at, at + DIGEST_BYTES);
      at += DIGEST_BYTES;
    }
    let readerHash: string | null = null;
    if (flags & HAS_READER) {
      readerHash = bytes.toString('hex', at, at + READER_BYTES);
      at += READER_BYTES;
    }
    if (at > bytes.length || bytes.length - at > BEACON_ARTICLE_MAX) return null;
    // the seven ids as hex in one go, cut into UUIDs
    const hex = bytes.toString('hex', 6, FIXED);
    return {
      decidedAt: bytes.readUInt32BE(2) * 1000,
      beaconId: uuidAt(hex, 0),
      tenantId: uuidAt(hex, 1),
      siteId: uuidAt(hex, 2),
      orderId: uuidAt(hex, 3),
      lineId: uuidAt(hex, 4),
      adUnitId: uuidAt(hex, 5),
      creativeId: uuidAt(hex, 6),
      articleId: bytes.toString('latin1', at),
      readerHash,
      destinationDigest,
    };
  }
}

/** The first 16 bytes of the SHA-256 of a landing page: what a beacon binds a click's destination to. */
export function destinationDigestOf(url: string): Buffer {
  return createHash('sha256').update(url).digest().subarray(0, DIGEST_BYTES);
}

function writeUuid(bytes: Buffer, at: number, uuid: string): void {
  bytes.write(uuid.slice(0, 8), at, 'hex');
  bytes.write(uuid.slice(9, 13), at + 4, 'hex');
  bytes.write(uuid.slice(14, 18), at + 6, 'hex');
  bytes.write(uuid.slice(19, 23), at + 8, 'hex');
  bytes.write(uuid.slice(24, 36), at + 10, 'hex');
}

/** The `index`th 16-byte id of `hex` as a UUID. */
function uuidAt(hex: string, index: number): string {
  const at = index * 32;
  return `${hex.slice(at, at + 8)}-${hex.slice(at + 8, at + 12)}-${hex.slice(at + 12, at + 16)}-${hex.slice(at + 16, at + 20)}-${hex.slice(at + 20, at + 32)}`;
}
