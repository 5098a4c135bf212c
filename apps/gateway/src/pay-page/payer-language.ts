/** The pay page speaks Vietnamese unless the payer asks for English. */
export type PayerLanguage = 'vi' | 'en';

/**
 * `lang=en` (a query parameter or the form's field) wins; otherwise English when the browser's
 * first language is English; otherwise Vietnamese.
 */
export function payerLanguageOf(asked: unknown, acceptLanguage: string | undefined): PayerLanguage {
  if (asked === 'en' || asked === 'vi') return asked;
  const first = (acceptLanguage ?? '').split(',')[0].trim().toLowerCase();
  return first === 'en' || first.startsWith('en-') ? 'en' : 'vi';
}
