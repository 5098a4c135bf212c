/** payOS refuses a description longer than this (bank transfer contents are short). */
export const PAYOS_DESCRIPTION_LIMIT = 25;

/**
 * The attempt's description as payOS takes it: without Vietnamese accents (the transfer content
 * travels through banks that drop or mangle them), printable ASCII only, cut to the limit; the
 * order code when nothing is left.
 */
export function payosDescriptionOf(description: string, orderCode: number): string {
  const plain = description
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PAYOS_DESCRIPTION_LIMIT)
    .trim();
  return plain === '' ? String(orderCode) : plain;
}
