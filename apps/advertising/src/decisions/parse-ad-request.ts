import { AD_DECISION_MAX_UNITS, AD_DEVICES, AD_SLUG, AdDevice, ARTICLE_ID, FieldError } from '@libs/contracts';

export interface AdRequest {
  siteKey: string;
  units: string[];
  section?: string;
  device?: AdDevice;
  /** The page's article id (as the paywall knows it): beacons carry it, reports count by it. */
  article?: string;
}

const FIELDS = new Set(['siteKey', 'units', 'section', 'device', 'article']);

/** A page's ad request from its query: every fault named by its field, unknown fields refused. */
export function parseAdRequest(query: Record<string, unknown>): { request: AdRequest } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const field of Object.keys(query))
    if (!FIELDS.has(field)) errors.push({ field, message: 'is not a field of an ad request' });
  const { siteKey, units, section, device, article } = query;
  if (typeof siteKey !== 'string' || siteKey.length === 0 || siteKey.length > 100)
    errors.push({ field: 'siteKey', message: "must be the site's publishable key, once" });
  let codes: string[] = [];
  if (typeof units !== 'string' || units.length === 0)
    errors.push({ field: 'units', message: 'must list the page’s ad unit codes, comma-separated, once' });
  else {
    codes = units.split(',');
    if (codes.length > AD_DECISION_MAX_UNITS)
      errors.push({ field: 'units', message: `must list at most ${AD_DECISION_MAX_UNITS} units` });
    else if (!codes.every((code) => AD_SLUG.test(code)))
      errors.push({ field: 'units', message: 'must be unit codes: lower-case letters, digits and dashes' });
    else if (new Set(codes).size !== codes.length) errors.push({ field: 'units', message: 'must not repeat a unit' });
  }
  if (section !== undefined && (typeof section !== 'string' || !AD_SLUG.test(section)))
    errors.push({ field: 'section', message: 'must be a section slug (lower-case letters, digits and dashes), once' });
  if (device !== undefined && !(AD_DEVICES as readonly unknown[]).includes(device))
    errors.push({ field: 'device', message: `must be one of ${AD_DEVICES.join(', ')}` });
  if (article !== undefined && (typeof article !== 'string' || !ARTICLE_ID.test(article)))
    errors.push({ field: 'article', message: 'must be an article id: 1-200 letters, digits or ._:/-, once' });
  if (errors.length > 0) return { errors };
  return {
    request: {
      siteKey: siteKey as string,
      units: codes,
      ...(section !== undefined && { section: section as string }),
      ...(device !== undefined && { device: device as AdDevice }),
      ...(article !== undefined && { article: article as string }),
    },
  };
}
