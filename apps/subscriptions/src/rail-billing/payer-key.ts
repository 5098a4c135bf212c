import { PAYER_KEY } from '@libs/contracts';

/**
 * The reader as payments knows the payer of a saved wallet: the reader key itself. A key payments
 * cannot take (an email with characters outside its payer keys, or too long) saves no wallet: the
 * reader then pays every renewal by its link.
 */
export function payerKeyOf(readerKey: string): string | null {
  return PAYER_KEY.test(readerKey) ? readerKey : null;
}
