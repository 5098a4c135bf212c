import type { FieldError, StructuredDataRequest } from '@libs/contracts';
import {
  ARTICLE_ID,
  ARTICLE_ID_MESSAGE,
  CSS_SELECTOR,
  CSS_SELECTOR_MESSAGE,
  DEFAULT_PAYWALLED_SELECTOR,
} from '@libs/contracts';

/** `{ articleId, cssSelector? }` for the structured-data route, checked by hand like decisions. */
export function parseStructuredDataRequest(
  query: Record<string, unknown>,
): { request: Required<StructuredDataRequest> } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { articleId, cssSelector: given, ...rest } = query;
  const cssSelector = given ?? DEFAULT_PAYWALLED_SELECTOR;
  for (const key of Object.keys(rest))
    errors.push({ field: key, message: `${key} is not a field of a structured-data request` });
  if (typeof articleId !== 'string' || !ARTICLE_ID.test(articleId))
    errors.push({ field: 'articleId', message: ARTICLE_ID_MESSAGE });
  if (typeof cssSelector !== 'string' || !CSS_SELECTOR.test(cssSelector))
    errors.push({ field: 'cssSelector', message: CSS_SELECTOR_MESSAGE });
  return errors.length > 0
    ? { errors }
    : { request: { articleId: articleId as string, cssSelector: cssSelector as string } };
}
