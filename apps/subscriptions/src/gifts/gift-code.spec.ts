import { canonicalGiftCode, formatGiftCode, hashGiftCode, newGiftCode } from './gift-code';

describe('gift codes', () => {
  it('look like GIFT-XXXX-XXXX-XXXX-XXXX in Crockford base32, 80 random bits', () => {
    const { code } = newGiftCode();
    expect(code).toMatch(/^GIFT(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(code.replace(/^GIFT|-/g, '')).toHaveLength(16);
  });

  it('are distinct, and keep only a hash and the last four symbols', () => {
    const codes = Array.from({ length: 2000 }, () => newGiftCode());
    expect(new Set(codes.map((c) => c.code)).size).toBe(2000);
    const [one] = codes;
    const canonical = canonicalGiftCode(one.code)!;
    expect(one.hash.equals(hashGiftCode(canonical))).toBe(true);
    expect(one.last4).toBe(one.code.slice(-4));
    expect(one.hash.toString('hex')).not.toContain(canonical);
  });

  it('spread over the whole alphabet in every position (no biased symbols)', () => {
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) {
      [...canonicalGiftCode(newGiftCode().code)!].forEach((symbol, position) => seen[position].add(symbol));
    }
    expect(seen.map((s) => s.size)).toEqual(new Array(16).fill(32));
  });

  it('read back however a reader types them', () => {
    const canonical = '7K3MQ9RT2XWDHB4N';
    for (const typed of [
      'GIFT-7K3M-Q9RT-2XWD-HB4N',
      'gift-7k3m-q9rt-2xwd-hb4n',
      ' 7K3M Q9RT 2XWD HB4N ',
      '7k3mq9rt2xwdhb4n',
      'GIFT 7K3M-Q9RT 2XWD-HB4N',
    ]) {
      expect(canonicalGiftCode(typed)).toBe(canonical);
    }
  });

  it('read I and L as 1 and O as 0, as Crockford intends', () => {
    expect(canonicalGiftCode('GIFT-1OIL-0000-0000-0000')).toBe('1011000000000000');
  });

  it('refuse what cannot be a code', () => {
    for (const typed of [
      '',
      'GIFT',
      'GIFT-7K3M-Q9RT-2XW',
      'GIFT-7K3M-Q9RT-2XWD-HB4',
      'GIFT-7K3M-Q9RT-2XWD-HB4N-AAAA',
      'GIFT-7K3M-Q9RT-2XWD-HB4U',
      'GIFT-7K3M-Q9RT-2XWD-HB4*',
    ]) {
      expect(canonicalGiftCode(typed)).toBeNull();
    }
  });

  it('format back to the printed form', () => {
    expect(formatGiftCode('7K3MQ9RT2XWDHB4N')).toBe('GIFT-7K3M-Q9RT-2XWD-HB4N');
  });
});
