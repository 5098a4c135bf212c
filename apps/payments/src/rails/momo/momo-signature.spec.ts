import { createHmac } from 'node:crypto';
import { isMomoSignatureValid, momoRawSignature, signMomo } from './momo-signature';

const SECRET = 'spec-secret-key-0123456789abcdef';
const hmac = (raw: string, key = SECRET) => createHmac('sha256', key).update(raw, 'utf8').digest('hex');

describe('MoMo signature', () => {
  const fields = { b: 'two', a: 1, c: 'x=y&z đ' };

  it('joins the listed keys in the listed order, values raw (no encoding, no sorting)', () => {
    expect(momoRawSignature(fields, ['b', 'a', 'c'])).toBe('b=two&a=1&c=x=y&z đ');
    expect(signMomo(fields, ['b', 'a', 'c'], SECRET)).toBe(hmac('b=two&a=1&c=x=y&z đ'));
  });

  it('refuses to sign when a listed key has no value', () => {
    expect(() => momoRawSignature(fields, ['a', 'missing'])).toThrow('field missing missing');
  });

  it.each([
    ['the right signature', signMomo(fields, ['a', 'b'], SECRET), true],
    ['the same in upper case hex', signMomo(fields, ['a', 'b'], SECRET).toUpperCase(), true],
    ['a signature over another order', signMomo(fields, ['b', 'a'], SECRET), false],
    ['a signature under another secret', signMomo(fields, ['a', 'b'], 'another-secret'), false],
    ['a truncated signature', signMomo(fields, ['a', 'b'], SECRET).slice(0, 62), false],
    ['a signature one hex digit longer', signMomo(fields, ['a', 'b'], SECRET) + '0', false],
    ['not hex', 'z'.repeat(64), false],
    ['no signature', undefined, false],
    ['a number', 42, false],
  ])('%s: %s', (_case, received, valid) => {
    expect(isMomoSignatureValid(fields, ['a', 'b'], SECRET, received)).toBe(valid);
  });
});
