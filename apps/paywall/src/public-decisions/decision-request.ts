import type { FieldError } from '@libs/contracts';
import { DEVICES, OFFER_LANGUAGES } from '@libs/contracts';
import type { DecisionRequest } from './paywall-decisions';

const ARTICLE_ID = /^[A-Za-z0-9._:/-]{1,200}$/;
/** A CSS selector to name in JSON-LD: printable, no `<` (it may end up inside an HTML page). */
const CSS_SELECTOR = /^[^<\p{Cc}]{1,200}$/u;
export const DEFAULT_PAYWALLED_SELECTOR = '.paywall-content';
const ANONYMOUS_ID = /^[A-Za-z0-9_-]{8,64}$/;
const COUNTRY = /^[A-Z]{2}$/;

const LIMITS: Record<string, number> = { readerToken: 2048, meterToken: 8192, url: 2048, referrer: 2048, section: 100 };
const FIELDS = new Set([
  'articleId',
  'anonymousId',
  'readerToken',
  'meterToken',
  'url',
  'referrer',
  'country',
  'device',
  'section',
  'lang',
]);

/** `{ articleId, cssSelector? }` for the structured-data route, checked like decisions. */
export function parseStructuredDataRequest(
  query: Record<string, unknown>,
): { request: { articleId: string; cssSelector: string } } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { articleId, cssSelector = DEFAULT_PAYWALLED_SELECTOR, ...rest } = query;
  for (const key of Object.keys(rest))
    errors.push({ field: key, message: `${key} is not a field of a structured-data request` });
  if (typeof articleId !== 'string' || !ARTICLE_ID.test(articleId))
    errors.push({ field: 'articleId', message: 'articleId must be 1-200 letters, digits or ._:/-' });
  if (typeof cssSelector !== 'string' || !CSS_SELECTOR.test(cssSelector))
    errors.push({ field: 'cssSelector', message: 'cssSelector must be 1-200 printable characters without <' });
  return errors.length > 0
    ? { errors }
    : { request: { articleId: articleId as string, cssSelector: cssSelector as string } };
}

/**
 * The decision request, checked by hand on the hot path: the same rules as everywhere (known
 * fields only, each named in the error) without a validation framework per page view.
 */
export function parseDecisionRequest(body: unknown): { request: DecisionRequest } | { errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { errors: [{ field: 'body', message: 'send a JSON object' }] };
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(input))
    if (!FIELDS.has(key)) errors.push({ field: key, message: `${key} is not a field of a decision request` });
  const text = (field: string, pattern?: RegExp, message?: string): string | undefined => {
    const value = input[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') errors.push({ field, message: `${field} must be a string` });
    else if (LIMITS[field] !== undefined && value.length > LIMITS[field])
      errors.push({ field, message: `${field} must be at most ${LIMITS[field]} characters` });
    else if (pattern && !pattern.test(value)) errors.push({ field, message: message ?? `${field} is malformed` });
    else return value;
    return undefined;
  };
  const articleId = text('articleId', ARTICLE_ID, 'articleId must be 1-200 letters, digits or ._:/-');
  if (input.articleId === undefined) errors.push({ field: 'articleId', message: 'articleId is required' });
  const request: DecisionRequest = {
    articleId: articleId ?? '',
    anonymousId: text('anonymousId', ANONYMOUS_ID, 'anonymousId must be 8-64 letters, digits, _ or -'),
    readerToken: text('readerToken'),
    meterToken: text('meterToken'),
    url: text('url'),
    referrer: text('referrer'),
    country: text('country', COUNTRY, 'country must be an ISO 3166 code such as VN'),
    section: text('section'),
  };
  const device = input.device;
  if (device !== undefined) {
    if (typeof device === 'string' && (DEVICES as readonly string[]).includes(device))
      request.device = device as DecisionRequest['device'];
    else errors.push({ field: 'device', message: `device must be one of ${DEVICES.join(', ')}` });
  }
  const lang = input.lang;
  if (lang !== undefined) {
    if (typeof lang === 'string' && (OFFER_LANGUAGES as readonly string[]).includes(lang))
      request.lang = lang as DecisionRequest['lang'];
    else errors.push({ field: 'lang', message: `lang must be one of ${OFFER_LANGUAGES.join(', ')}` });
  }
  return errors.length > 0 ? { errors } : { request };
}
