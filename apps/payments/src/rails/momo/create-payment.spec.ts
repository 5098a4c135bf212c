import { createHmac } from 'node:crypto';
import { MomoRequestError } from './momo-request.error';
import { CREATE_PAYMENT_SIGNED_KEYS, PaymentToCreate, buildCreatePaymentBody } from './create-payment';
import { isMomoSignatureValid } from './momo-signature';

const PARTNER = {
  partnerCode: 'MOMOSPEC2026',
  accessKey: 'SPECACCESSKEY01',
  secretKey: 'spec-secret-key-0123456789abcdef',
};
const hmac = (raw: string, key = PARTNER.secretKey) => createHmac('sha256', key).update(raw, 'utf8').digest('hex');

const PAYMENT: PaymentToCreate = {
  paymentId: 'pay_0b9e1c2a-7f31',
  requestId: 'req-0001',
  money: { amountMinor: 59_000n, currency: 'VND' },
  orderInfo: 'Gói đọc báo tháng 12',
  redirectUrl: 'https://reader.example.vn/payments/return',
  ipnUrl: 'https://api.example.vn/webhooks/momo',
  method: 'captureWallet',
  lang: 'vi',
  extraData: { subscriptionId: 'sub-42' },
};

// base64 of {"subscriptionId":"sub-42"}
const EXTRA = 'eyJzdWJzY3JpcHRpb25JZCI6InN1Yi00MiJ9';

describe('buildCreatePaymentBody', () => {
  it.each([
    [
      'captureWallet',
      PAYMENT,
      'accessKey=SPECACCESSKEY01&amount=59000&extraData=' +
        EXTRA +
        '&ipnUrl=https://api.example.vn/webhooks/momo&orderId=pay_0b9e1c2a-7f31&orderInfo=Gói đọc báo tháng 12' +
        '&partnerCode=MOMOSPEC2026&redirectUrl=https://reader.example.vn/payments/return&requestId=req-0001' +
        '&requestType=captureWallet',
    ],
    [
      'payWithMethod without extra data',
      { ...PAYMENT, method: 'payWithMethod', extraData: undefined, money: { amountMinor: 1_000, currency: 'VND' } },
      'accessKey=SPECACCESSKEY01&amount=1000&extraData=' +
        '&ipnUrl=https://api.example.vn/webhooks/momo&orderId=pay_0b9e1c2a-7f31&orderInfo=Gói đọc báo tháng 12' +
        '&partnerCode=MOMOSPEC2026&redirectUrl=https://reader.example.vn/payments/return&requestId=req-0001' +
        '&requestType=payWithMethod',
    ],
  ] as const)('%s: signs the documented raw string', (_case, payment, rawSignature) => {
    const body = buildCreatePaymentBody(PARTNER, payment);
    expect(body.signature).toBe(hmac(rawSignature));
    expect(body).toEqual({
      partnerCode: 'MOMOSPEC2026',
      requestId: 'req-0001',
      amount: payment.money.amountMinor === 1_000 ? 1000 : 59000,
      orderId: 'pay_0b9e1c2a-7f31',
      orderInfo: 'Gói đọc báo tháng 12',
      redirectUrl: 'https://reader.example.vn/payments/return',
      ipnUrl: 'https://api.example.vn/webhooks/momo',
      requestType: payment.method,
      extraData: payment.extraData ? EXTRA : '',
      lang: 'vi',
      signature: body.signature,
    });
    expect(body).not.toHaveProperty('accessKey');
  });

  it('encodes extraData as base64 JSON', () => {
    const body = buildCreatePaymentBody(PARTNER, PAYMENT);
    expect(JSON.parse(Buffer.from(body.extraData, 'base64').toString('utf8'))).toEqual({ subscriptionId: 'sub-42' });
  });

  it('sends autoCapture when asked, outside the signature', () => {
    const body = buildCreatePaymentBody(PARTNER, { ...PAYMENT, autoCapture: false });
    expect(body.autoCapture).toBe(false);
    expect(body.signature).toBe(buildCreatePaymentBody(PARTNER, PAYMENT).signature);
  });

  it('signs the keys a-z, as v2 documents', () => {
    expect([...CREATE_PAYMENT_SIGNED_KEYS]).toEqual([...CREATE_PAYMENT_SIGNED_KEYS].sort());
  });

  it('is not verified over another order of the same fields', () => {
    const body = buildCreatePaymentBody(PARTNER, PAYMENT);
    const fields = { ...body, accessKey: PARTNER.accessKey };
    const swapped = [
      'accessKey',
      'amount',
      'extraData',
      'ipnUrl',
      'orderInfo',
      'orderId',
      'partnerCode',
      'redirectUrl',
      'requestId',
      'requestType',
    ];
    expect(isMomoSignatureValid(fields, CREATE_PAYMENT_SIGNED_KEYS, PARTNER.secretKey, body.signature)).toBe(true);
    expect(isMomoSignatureValid(fields, swapped, PARTNER.secretKey, body.signature)).toBe(false);
  });

  it.each([
    ['US dollars', { amountMinor: 500, currency: 'USD' }, 'amount', 'VND only'],
    ['a fraction of a đồng', { amountMinor: 1000.5, currency: 'VND' }, 'amount', 'not a whole number'],
    ['below MoMo minimum (1.000 VND)', { amountMinor: 999, currency: 'VND' }, 'amount', '1000..50000000'],
    ['above MoMo maximum (50.000.000 VND)', { amountMinor: 50_000_001n, currency: 'VND' }, 'amount', '1000..50000000'],
    ['zero', { amountMinor: 0, currency: 'VND' }, 'amount', '1000..50000000'],
  ])('refuses %s', (_case, money, field, message) => {
    const build = () => buildCreatePaymentBody(PARTNER, { ...PAYMENT, money });
    expect(build).toThrow(MomoRequestError);
    expect(build).toThrow(expect.objectContaining({ errors: [{ field, message: expect.stringContaining(message) }] }));
  });

  it.each([
    ['a payment id MoMo rejects', { paymentId: 'pay 1' }, 'paymentId'],
    ['a payment id longer than 50', { paymentId: 'p'.repeat(51) }, 'paymentId'],
    ['an empty requestId', { requestId: '' }, 'requestId'],
    ['an empty orderInfo', { orderInfo: '' }, 'orderInfo'],
    ['an ipnUrl that is no URL', { ipnUrl: 'not a url' }, 'ipnUrl'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(() => buildCreatePaymentBody(PARTNER, { ...PAYMENT, ...change })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field })] }),
    );
  });

  it.each([1_000, 50_000_000])('accepts the documented bound %i VND', (amount) => {
    expect(
      buildCreatePaymentBody(PARTNER, { ...PAYMENT, money: { amountMinor: amount, currency: 'VND' } }).amount,
    ).toBe(amount);
  });
});
