const PREFIX = 'pw1.';
/** The subscriptions checkout's `reference` holds at most this many characters. */
export const REFERENCE_MAX_LENGTH = 200;
const MAX_BYTES = Math.floor((REFERENCE_MAX_LENGTH - PREFIX.length) / 4) * 3;
const HAS_OFFER = 1;
const HAS_EXPERIMENT = 2;
const HAS_ARTICLE = 4;

/** What a decision showed, carried through checkout to the subscription it may become. */
export interface Attribution {
  articleId: string | null;
  offerId: string | null;
  experimentId: string | null;
  /** The arm's position in the experiment. */
  arm: number | null;
}

/**
 * `pw1.<base64url>`: a flags byte, the offer's and experiment's ids as 16 bytes each when
 * present, the arm's index, then the article id. An article id too long for the checkout's
 * reference field is left out (the rest still attributes). Not signed: a forged reference can
 * only attribute a subscription someone really paid for.
 */
export function encodeCheckoutReference(attribution: Attribution): string {
  const offer = attribution.offerId ? uuidBytes(attribution.offerId) : null;
  const experiment =
    attribution.experimentId !== null && attribution.arm !== null ? uuidBytes(attribution.experimentId) : null;
  const fixed = 1 + (offer ? 16 : 0) + (experiment ? 17 : 0);
  const article = attribution.articleId === null ? null : Buffer.from(attribution.articleId, 'utf8');
  const withArticle = article !== null && fixed + article.length <= MAX_BYTES;
  const bytes = Buffer.alloc(fixed + (withArticle ? article.length : 0));
  bytes[0] = (offer ? HAS_OFFER : 0) | (experiment ? HAS_EXPERIMENT : 0) | (withArticle ? HAS_ARTICLE : 0);
  let at = 1;
  if (offer) at += offer.copy(bytes, at);
  if (experiment) {
    at += experiment.copy(bytes, at);
    bytes[at++] = attribution.arm!;
  }
  if (withArticle) article.copy(bytes, at);
  return PREFIX + bytes.toString('base64url');
}

/** The attribution, or null for anything that is not a well-formed paywall reference. */
export function decodeCheckoutReference(reference: string | null | undefined): Attribution | null {
  if (!reference?.startsWith(PREFIX) || reference.length > REFERENCE_MAX_LENGTH) return null;
  const body = reference.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const bytes = Buffer.from(body, 'base64url');
  const flags = bytes[0];
  if (bytes.length === 0 || flags > 7) return null;
  const fixed = 1 + (flags & HAS_OFFER ? 16 : 0) + (flags & HAS_EXPERIMENT ? 17 : 0);
  if (bytes.length < fixed || (!(flags & HAS_ARTICLE) && bytes.length !== fixed)) return null;
  let at = 1;
  const attribution: Attribution = { articleId: null, offerId: null, experimentId: null, arm: null };
  if (flags & HAS_OFFER) {
    attribution.offerId = uuidText(bytes.subarray(at, at + 16));
    at += 16;
  }
  if (flags & HAS_EXPERIMENT) {
    attribution.experimentId = uuidText(bytes.subarray(at, at + 16));
    attribution.arm = bytes[at + 16];
    at += 17;
  }
  if (flags & HAS_ARTICLE) attribution.articleId = bytes.subarray(at).toString('utf8');
  return attribution;
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
