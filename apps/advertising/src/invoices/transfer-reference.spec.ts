import { TRANSFER_REFERENCE, TRANSFER_REFERENCE_IN_TEXT } from '@libs/contracts';
import { newTransferReference } from './transfer-reference';

describe('transfer references', () => {
  it('are what finance looks for on a bank line, and differ each time', () => {
    const references = Array.from({ length: 50 }, newTransferReference);
    expect(references.every((reference) => TRANSFER_REFERENCE.test(reference))).toBe(true);
    expect(new Set(references).size).toBe(50);
  });

  it.each([
    ['in a description with other words', 'CK QUANG CAO RS0123456789 CONG TY ABC', 'RS0123456789'],
    ['typed in lower case', 'thanh toan rs0123456789', 'rs0123456789'],
    ['not inside a longer word', 'XRS0123456789', null],
    ['not with a letter base32 leaves out', 'RS01234567I9', null],
  ])('are found %s', (_where, text, found) => {
    expect(TRANSFER_REFERENCE_IN_TEXT.exec(text)?.[0] ?? null).toBe(found);
  });
});
