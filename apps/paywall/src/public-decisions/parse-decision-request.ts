import type { DecisionRequest, DecisionTextField, FieldError } from '@libs/contracts';
import {
  ANONYMOUS_ID,
  ANONYMOUS_ID_MESSAGE,
  ARTICLE_ID,
  ARTICLE_ID_MESSAGE,
  COUNTRY_CODE,
  COUNTRY_CODE_MESSAGE,
  DECISION_TEXT_LIMITS,
  decisionTextTooLong,
  DEVICE_MESSAGE,
  DEVICES,
  LANG_MESSAGE,
  OFFER_LANGUAGES,
} from '@libs/contracts';

/*
 * The contract's rules, read once: an imported name is read through the contracts barrel's
 * getters at each use, and this check runs for every page view.
 */
const LIMITS: Partial<Record<string, number>> = { ...DECISION_TEXT_LIMITS };
const ARTICLE = { pattern: ARTICLE_ID, message: ARTICLE_ID_MESSAGE };
const ANONYMOUS = { pattern: ANONYMOUS_ID, message: ANONYMOUS_ID_MESSAGE };
const COUNTRY = { pattern: COUNTRY_CODE, message: COUNTRY_CODE_MESSAGE };
const DEVICE_NAMES: readonly string[] = DEVICES;
const LANGUAGES: readonly string[] = OFFER_LANGUAGES;
/** Every field of the contract, and nothing else (the compiler holds the two together). */
const FIELDS = new Set(
  Object.keys({
    articleId: true,
    anonymousId: true,
    readerToken: true,
    meterToken: true,
    url: true,
    referrer: true,
    country: true,
    device: true,
    section: true,
    lang: true,
  } satisfies Record<keyof DecisionRequest, true>),
);

/**
 * The decision request, checked by hand on the hot path: the rules of the `DecisionRequest`
 * contract (known fields only, each named in the error; null is as good as absent), from the
 * same patterns and limits, without a validation framework per page view.
 */
export function parseDecisionRequest(body: unknown): { request: DecisionRequest } | { errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { errors: [{ field: 'body', message: 'send a JSON object' }] };
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(input))
    if (!FIELDS.has(key)) errors.push({ field: key, message: `${key} is not a field of a decision request` });
  const text = (field: keyof DecisionRequest, rule?: { pattern: RegExp; message: string }): string | undefined => {
    const value = input[field];
    if (value === undefined || value === null) return undefined;
    const limit = LIMITS[field];
    if (typeof value !== 'string') errors.push({ field, message: `${field} must be a string` });
    else if (limit !== undefined && value.length > limit)
      errors.push({ field, message: decisionTextTooLong(field as DecisionTextField) });
    else if (rule && !rule.pattern.test(value)) errors.push({ field, message: rule.message });
    else return value;
    return undefined;
  };
  const articleId = text('articleId', ARTICLE);
  if (input.articleId === undefined || input.articleId === null)
    errors.push({ field: 'articleId', message: 'articleId is required' });
  const request: DecisionRequest = {
    articleId: articleId ?? '',
    anonymousId: text('anonymousId', ANONYMOUS),
    readerToken: text('readerToken'),
    meterToken: text('meterToken'),
    url: text('url'),
    referrer: text('referrer'),
    country: text('country', COUNTRY),
    section: text('section'),
  };
  const device = input.device;
  if (device !== undefined && device !== null) {
    if (typeof device === 'string' && DEVICE_NAMES.includes(device))
      request.device = device as DecisionRequest['device'];
    else errors.push({ field: 'device', message: DEVICE_MESSAGE });
  }
  const lang = input.lang;
  if (lang !== undefined && lang !== null) {
    if (typeof lang === 'string' && LANGUAGES.includes(lang)) request.lang = lang as DecisionRequest['lang'];
    else errors.push({ field: 'lang', message: LANG_MESSAGE });
  }
  return errors.length > 0 ? { errors } : { request };
}
