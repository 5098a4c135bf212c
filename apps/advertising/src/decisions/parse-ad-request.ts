import {
  AD_DECISION_MAX_UNITS,
  AD_DEVICES,
  AD_REQUEST_ARTICLE_PARAM,
  AD_REQUEST_CAP_PARAM,
  AD_REQUEST_READER_PARAM,
  AD_SLUG,
  AdDevice,
  ARTICLE_ID,
  FieldError,
} from '@libs/contracts';

export interface AdRequest {
  siteKey: string;
  units: string[];
  section?: string;
  device?: AdDevice;
  /** The article the page shows (the paywall's article id), for delivery reports. */
  article?: string;
  /** The paywall's reader token of a logged-in reader. */
  reader?: string;
  /** The frequency-cap token the previous answer gave. */
  cap?: string;
}

// read once: a contract's constant is reached through the barrel's getters, and this runs per page view
const ARTICLE = AD_REQUEST_ARTICLE_PARAM;
const READER = AD_REQUEST_READER_PARAM;
const CAP = AD_REQUEST_CAP_PARAM;
const MAX_UNITS = AD_DECISION_MAX_UNITS;
const SLUG = AD_SLUG;
const DEVICES: readonly unknown[] = AD_DEVICES;
const ARTICLE_ID_PATTERN = ARTICLE_ID;
const FIELDS = new Set(['siteKey', 'units', 'section', 'device', ARTICLE, READER, CAP]);
/** Signed tokens: base64url parts joined by dots, of a bounded length. */
const TOKEN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){2}$/;
const READER_TOKEN_MAX = 1024;
const CAP_TOKEN_MAX = 1024;

/** A page's ad request from its query: every fault named by its field, unknown fields refused. */
export function parseAdRequest(query: Record<string, unknown>): { request: AdRequest } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const field of Object.keys(query))
    if (!FIELDS.has(field)) errors.push({ field, message: 'is not a field of an ad request' });
  const { siteKey, units, section, device } = query;
  const article = query[ARTICLE];
  const reader = query[READER];
  const cap = query[CAP];
  if (typeof siteKey !== 'string' || siteKey.length === 0 || siteKey.length > 100)
    errors.push({ field: 'siteKey', message: "must be the site's publishable key, once" });
  let codes: string[] = [];
  if (typeof units !== 'string' || units.length === 0)
    errors.push({ field: 'units', message: 'must list the page’s ad unit codes, comma-separated, once' });
  else {
    codes = units.split(',');
    if (codes.length > MAX_UNITS) errors.push({ field: 'units', message: `must list at most ${MAX_UNITS} units` });
    else if (!codes.every((code) => SLUG.test(code)))
      errors.push({ field: 'units', message: 'must be unit codes: lower-case letters, digits and dashes' });
    else if (new Set(codes).size !== codes.length) errors.push({ field: 'units', message: 'must not repeat a unit' });
  }
  if (section !== undefined && (typeof section !== 'string' || !SLUG.test(section)))
    errors.push({ field: 'section', message: 'must be a section slug (lower-case letters, digits and dashes), once' });
  if (device !== undefined && !DEVICES.includes(device))
    errors.push({ field: 'device', message: `must be one of ${DEVICES.join(', ')}` });
  if (article !== undefined && (typeof article !== 'string' || !ARTICLE_ID_PATTERN.test(article)))
    errors.push({
      field: ARTICLE,
      message: "must be the article's id (1-200 letters, digits or ._:/-), once",
    });
  if (reader !== undefined && !isToken(reader, READER_TOKEN_MAX))
    errors.push({ field: READER, message: "must be the paywall's reader token, once" });
  if (cap !== undefined && !isToken(cap, CAP_TOKEN_MAX))
    errors.push({ field: CAP, message: 'must be the capToken of a previous answer, once' });
  if (errors.length > 0) return { errors };
  return {
    request: {
      siteKey: siteKey as string,
      units: codes,
      ...(section !== undefined && { section: section as string }),
      ...(device !== undefined && { device: device as AdDevice }),
      ...(article !== undefined && { article: article as string }),
      ...(reader !== undefined && { reader: reader as string }),
      ...(cap !== undefined && { cap: cap as string }),
    },
  };
}

function isToken(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max && TOKEN.test(value);
}
