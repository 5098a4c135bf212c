import { createHmac } from 'node:crypto';
import { IPN_ANSWER_STATUS, verifyIpn } from './verify-ipn';

const PARTNER = {
  partnerCode: 'MOMOSPEC2026',
  accessKey: 'SPECACCESSKEY01',
  secretKey: 'spec-secret-key-0123456789abcdef',
};
const hmac = (raw: string, key = PARTNER.secretKey) => createHmac('sha256', key).update(raw, 'utf8').digest('hex');

// Shaped like the notification page's example, with our spec partner.
const UNSIGNED = {
  partnerCode: 'MOMOSPEC2026',
  orderId: 'pay_0b9e1c2a-7f31',
  requestId: 'req-0001',
  amount: 59000,
  orderInfo: 'Gói đọc báo tháng 12',
  orderType: 'momo_wallet',
  transId: 4088878653,
  resultCode: 0,
  message: 'Successful.',
  payType: 'qr',
  responseTime: 1721720663942,
  extraData: 'eyJzdWJzY3JpcHRpb25JZCI6InN1Yi00MiJ9',
};
const RAW =
  'accessKey=SPECACCESSKEY01&amount=59000&extraData=eyJzdWJzY3JpcHRpb25JZCI6InN1Yi00MiJ9&message=Successful.' +
  '&orderId=pay_0b9e1c2a-7f31&orderInfo=Gói đọc báo tháng 12&orderType=momo_wallet&partnerCode=MOMOSPEC2026' +
  '&payType=qr&requestId=req-0001&responseTime=1721720663942&resultCode=0&transId=4088878653';
const IPN = { ...UNSIGNED, signature: hmac(RAW) };

const refusedOn = (field: string) => expect.objectContaining({ errors: [expect.objectContaining({ field })] });

describe('verifyIpn', () => {
  it('answers MoMo with 204 No Content', () => {
    expect(IPN_ANSWER_STATUS).toBe(204);
  });

  it('reads a paid notification signed over the documented keys', () => {
    expect(verifyIpn(PARTNER, IPN)).toEqual({
      binding: null,
      paymentId: 'pay_0b9e1c2a-7f31',
      requestId: 'req-0001',
      amountVnd: 59000n,
      transId: '4088878653',
      resultCode: 0,
      paid: true,
      authorizedOnly: false,
      message: 'Successful.',
      payType: 'qr',
      respondedAt: new Date(1721720663942),
      extraData: 'eyJzdWJzY3JpcHRpb25JZCI6InN1Yi00MiJ9',
    });
  });

  it.each([
    [1006, false, false],
    [9000, false, true],
  ])('resultCode %i: paid %s, authorized only %s', (resultCode, paid, authorizedOnly) => {
    const raw = RAW.replace('&resultCode=0&', `&resultCode=${resultCode}&`);
    const outcome = verifyIpn(PARTNER, { ...UNSIGNED, resultCode, signature: hmac(raw) });
    expect(outcome).toMatchObject({ resultCode, paid, authorizedOnly });
  });

  it.each([
    ['amount', 1000],
    ['orderId', 'pay_another'],
    ['transId', 4088878654],
    ['resultCode', 1006],
    ['message', 'Giao dịch thành công.'],
    ['extraData', ''],
    ['payType', 'webApp'],
    ['responseTime', 1721720663943],
  ])('refuses a notification whose %s was changed after signing', (field, value) => {
    expect(() => verifyIpn(PARTNER, { ...IPN, [field]: value })).toThrow(refusedOn('signature'));
  });

  it('refuses a notification signed with another secret', () => {
    expect(() => verifyIpn(PARTNER, { ...IPN, signature: hmac(RAW, 'another-secret') })).toThrow(
      refusedOn('signature'),
    );
  });

  it.each([
    [
      'orderInfo before orderId',
      RAW.replace(
        '&orderId=pay_0b9e1c2a-7f31&orderInfo=Gói đọc báo tháng 12',
        '&orderInfo=Gói đọc báo tháng 12&orderId=pay_0b9e1c2a-7f31',
      ),
    ],
    ['without transId', RAW.replace('&transId=4088878653', '')],
    ['without accessKey', RAW.replace('accessKey=SPECACCESSKEY01&', '')],
    ['with a space after each &', RAW.replaceAll('&', '& ')],
  ])('refuses a signature over another raw string: %s', (_case, raw) => {
    expect(() => verifyIpn(PARTNER, { ...UNSIGNED, signature: hmac(raw) })).toThrow(refusedOn('signature'));
  });

  it('refuses another partner notification before looking at its signature', () => {
    expect(() => verifyIpn(PARTNER, { ...IPN, partnerCode: 'MOMOOTHER' })).toThrow(refusedOn('partnerCode'));
  });

  it.each([
    ['no body', null, 'body'],
    ['no signature', { ...UNSIGNED }, 'signature'],
    ['an amount as text', { ...IPN, amount: '59000' }, 'amount'],
    ['a fractional amount', { ...IPN, amount: 59000.5 }, 'amount'],
    ['no orderId', { ...IPN, orderId: undefined }, 'orderId'],
  ])('refuses %s, naming the field', (_case, body, field) => {
    expect(() => verifyIpn(PARTNER, body)).toThrow(refusedOn(field));
  });

  describe('a binding (linkWallet) IPN', () => {
    const BOUND = { ...IPN, partnerClientId: 'payer-7c2e', callbackToken: 'cb-0001' };
    const bindingRaw = (ipn: typeof BOUND) =>
      `accessKey=${PARTNER.accessKey}&amount=${ipn.amount}&callbackToken=${ipn.callbackToken}` +
      `&extraData=${ipn.extraData}&message=${ipn.message}&orderId=${ipn.orderId}&orderInfo=${ipn.orderInfo}` +
      `&orderType=${ipn.orderType}&partnerClientId=${ipn.partnerClientId}&partnerCode=${ipn.partnerCode}` +
      `&payType=${ipn.payType}&requestId=${ipn.requestId}&responseTime=${ipn.responseTime}` +
      `&resultCode=${ipn.resultCode}&transId=${ipn.transId}`;
    const hmacOf = (raw: string) => createHmac('sha256', PARTNER.secretKey).update(raw, 'utf8').digest('hex');

    it('is read, with its payer and callbackToken, when signed over the binding list', () => {
      const read = verifyIpn(PARTNER, { ...BOUND, signature: hmacOf(bindingRaw(BOUND)) });
      expect(read.binding).toEqual({ partnerClientId: 'payer-7c2e', callbackToken: 'cb-0001' });
    });

    it('is refused when signed over the plain IPN list (callbackToken unsigned)', () => {
      expect(() => verifyIpn(PARTNER, { ...BOUND, signature: IPN.signature })).toThrow(
        expect.objectContaining({ errors: [expect.objectContaining({ field: 'signature' })] }),
      );
    });
  });
});
