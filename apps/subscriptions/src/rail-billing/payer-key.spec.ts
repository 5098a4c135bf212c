import { payerKeyOf } from './payer-key';

describe('payerKeyOf', () => {
  it('answers a reader id or a plain email key as it is', () => {
    expect(payerKeyOf('reader:doc-gia_7.vn')).toBe('reader:doc-gia_7.vn');
    expect(payerKeyOf('email:an+tin@example.vn')).toBe('email:an+tin@example.vn');
  });

  it('answers null for a key payments would refuse', () => {
    expect(payerKeyOf("email:o'brien@example.vn")).toBeNull();
    expect(payerKeyOf(`email:${'a'.repeat(190)}@example.vn`)).toBeNull();
  });
});
