import { createHmac } from 'node:crypto';
import { isMomoSignatureValid } from './momo-signature';
import {
  TOKEN_BINDING_IPN_SIGNED_KEYS,
  TOKEN_PAY_SIGNED_KEYS,
  buildTokenBindingBody,
  buildTokenCallbackBody,
  buildTokenPayBody,
} from './tokenization';

const PARTNER = {
  partnerCode: 'MOMOSPEC2026',
  accessKey: 'SPECACCESSKEY01',
  secretKey: 'spec-secret-key-0123456789abcdef',
};
const hmac = (raw: string, key = PARTNER.secretKey) => createHmac('sha256', key).update(raw, 'utf8').digest('hex');
const refusedOn = (field: string) => expect.objectContaining({ errors: [expect.objectContaining({ field })] });

const CHARGE = {
  paymentId: 'pay_renew-2027-01',
  requestId: 'req-renew-0001',
  readerId: 'reader-7c2e',
  token: 'spec-token-value',
  money: { amountMinor: 59_000n, currency: 'VND' },
  orderInfo: 'Gia hạn gói tháng',
  ipnUrl: 'https://api.example.vn/webhooks/momo',
  redirectUrl: 'https://reader.example.vn/payments/return',
  lang: 'vi' as const,
};

describe('buildTokenPayBody (recurring charge with a stored token)', () => {
  it('signs the nine keys of the token payment, a-z, ipnUrl and redirectUrl left out', () => {
    const body = buildTokenPayBody(PARTNER, CHARGE);
    expect(body.signature).toBe(
      hmac(
        'accessKey=SPECACCESSKEY01&amount=59000&extraData=&orderId=pay_renew-2027-01&orderInfo=Gia hạn gói tháng' +
          '&partnerClientId=reader-7c2e&partnerCode=MOMOSPEC2026&requestId=req-renew-0001&token=spec-token-value',
      ),
    );
    expect(body).toMatchObject({ partnerClientId: 'reader-7c2e', token: 'spec-token-value', amount: 59000 });
    expect(body).not.toHaveProperty('accessKey');
    expect([...TOKEN_PAY_SIGNED_KEYS]).toEqual([...TOKEN_PAY_SIGNED_KEYS].sort());
  });

  it('a signature made with the token before partnerClientId does not verify', () => {
    const body = buildTokenPayBody(PARTNER, CHARGE);
    const fields = { ...body, accessKey: PARTNER.accessKey };
    const swapped = TOKEN_PAY_SIGNED_KEYS.map((key) =>
      key === 'partnerClientId' ? 'token' : key === 'token' ? 'partnerClientId' : key,
    );
    expect(isMomoSignatureValid(fields, swapped, PARTNER.secretKey, body.signature)).toBe(false);
  });

  it.each([
    ['an empty token', { token: '' }, 'token'],
    ['a reader id MoMo rejects', { readerId: 'reader 7' }, 'partnerClientId'],
    ['dollars', { money: { amountMinor: 5, currency: 'USD' } }, 'amount'],
    ['a fraction of a đồng', { money: { amountMinor: 59_000.5, currency: 'VND' } }, 'amount'],
    ['more than 30.000.000 VND', { money: { amountMinor: 30_000_001, currency: 'VND' } }, 'amount'],
  ])('refuses %s', (_case, change, field) => {
    expect(() => buildTokenPayBody(PARTNER, { ...CHARGE, ...change })).toThrow(refusedOn(field));
  });
});

describe('binding', () => {
  const BINDING = { ...CHARGE, paymentId: 'pay_bind-01', requestId: 'req-bind-0001' };

  it.each([
    ['bind only (0 VND)', 0, 0],
    ['bind and pay', 59_000, 59000],
  ])('%s: linkWallet signed with partnerClientId in its a-z place', (_case, amountMinor, amount) => {
    const body = buildTokenBindingBody(PARTNER, { ...BINDING, money: { amountMinor, currency: 'VND' } });
    expect(body.requestType).toBe('linkWallet');
    expect(body.signature).toBe(
      hmac(
        `accessKey=SPECACCESSKEY01&amount=${amount}&extraData=&ipnUrl=https://api.example.vn/webhooks/momo` +
          '&orderId=pay_bind-01&orderInfo=Gia hạn gói tháng&partnerClientId=reader-7c2e&partnerCode=MOMOSPEC2026' +
          '&redirectUrl=https://reader.example.vn/payments/return&requestId=req-bind-0001&requestType=linkWallet',
      ),
    );
  });

  it.each([
    ['a fraction of a đồng', { amountMinor: 0.5, currency: 'VND' }],
    ['between 0 and the minimum', { amountMinor: 999, currency: 'VND' }],
    ['0 in another currency', { amountMinor: 0, currency: 'USD' }],
  ])('refuses a binding amount of %s', (_case, money) => {
    expect(() => buildTokenBindingBody(PARTNER, { ...BINDING, money })).toThrow(refusedOn('amount'));
  });

  it('asks for the token with the callbackToken of the binding IPN', () => {
    const body = buildTokenCallbackBody(PARTNER, {
      paymentId: 'pay_bind-01',
      requestId: 'req-cbtoken-0001',
      readerId: 'reader-7c2e',
      callbackToken: 'cb-token-from-ipn',
      lang: 'vi',
    });
    expect(body.signature).toBe(
      hmac(
        'accessKey=SPECACCESSKEY01&callbackToken=cb-token-from-ipn&orderId=pay_bind-01' +
          '&partnerClientId=reader-7c2e&partnerCode=MOMOSPEC2026&requestId=req-cbtoken-0001',
      ),
    );
  });

  it('the binding IPN signs the IPN keys plus callbackToken and partnerClientId, a-z', () => {
    expect([...TOKEN_BINDING_IPN_SIGNED_KEYS]).toEqual([...TOKEN_BINDING_IPN_SIGNED_KEYS].sort());
    expect(TOKEN_BINDING_IPN_SIGNED_KEYS).toEqual(expect.arrayContaining(['callbackToken', 'partnerClientId']));
  });
});
