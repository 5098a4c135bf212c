import type { PayerLanguage } from './payer-language';

/** Where a pay page's links and form lead, relative to the page, so they hold behind any path prefix. */
export interface PayPageLinks {
  /** The form choosing a rail posts here. */
  form: string;
  /** The page choosing a rail. */
  choose: string;
  status: string;
  /** This page in the other language. */
  otherLanguage: string;
}

/**
 * The links of a page served at `/pay/<agency>/<payment>` (`page`) or at its `/status`. The token
 * travels in them because it is the payer's only credential; the pages send no referrer.
 */
export function payPageLinks(
  from: 'page' | 'status',
  paymentId: string,
  token: string,
  language: PayerLanguage,
): PayPageLinks {
  const query = (lang: PayerLanguage) => `?token=${encodeURIComponent(token)}&lang=${lang}`;
  const other: PayerLanguage = language === 'vi' ? 'en' : 'vi';
  const page = from === 'page' ? paymentId : `../${paymentId}`;
  const status = from === 'page' ? `${paymentId}/status` : 'status';
  return {
    form: page,
    choose: `${page}${query(language)}`,
    status: `${status}${query(language)}`,
    otherLanguage: from === 'page' ? `${page}${query(other)}` : `${status}${query(other)}`,
  };
}
