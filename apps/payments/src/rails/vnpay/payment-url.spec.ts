import { createHmac } from 'node:crypto';
import { ValidationFailedError } from '@libs/common';
import { buildPaymentUrl, OneTimePayment, VNPAY_SANDBOX_PAYMENT_URL } from './payment-url';
import { canonicalQuery } from './vnpay-checksum';

const terminal = { tmnCode: 'DEMOV210', hashSecret: 'VNPAYTESTSECRETKEY0123456789ABCD' };

// The parameters of the example URL in VNPay's PAY 2.1.0 guide (sandbox.vnpayment.vn/apis/docs),
// plus vnp_ExpireDate, which 2.1.0 requires. 15:33:33 in GMT+7 is 08:33:33 UTC.
const payment: OneTimePayment = {
  paymentId: '5',
  money: { minorUnits: 18060n, currency: 'VND' },
  orderInfo: 'Thanh toán đơn hàng :5',
  orderType: 'other',
  locale: 'vn',
  returnUrl: 'https://domainmerchant.vn/ReturnUrl',
  payerIp: '127.0.0.1',
  createdAt: new Date('2021-08-01T08:33:33Z'),
  expiresAt: new Date('2021-08-01T08:48:33Z'),
};

const hmacSha512 = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

function refusedField(build: () => unknown): string | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors?.[0]?.field;
    throw error;
  }
  return undefined;
}

describe('VNPay pay URL', () => {
  it('signs the parameters sorted by name and form-encoded (spaces as +), and sends exactly that string', () => {
    const signed =
      'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND' +
      '&vnp_ExpireDate=20210801154833&vnp_IpAddr=127.0.0.1&vnp_Locale=vn' +
      '&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other' +
      '&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';
    const expectedHash = hmacSha512(terminal.hashSecret, signed);

    const redirect = buildPaymentUrl(terminal, VNPAY_SANDBOX_PAYMENT_URL, payment);

    expect(redirect.secureHash).toBe(expectedHash);
    expect(redirect.url).toBe(`${VNPAY_SANDBOX_PAYMENT_URL}?${signed}&vnp_SecureHash=${expectedHash}`);
  });

  it("encodes VNPay's own example URL byte for byte (its secret is not published, so its hash cannot be checked)", () => {
    const documented =
      'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1' +
      '&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other' +
      '&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';
    expect(canonicalQuery(Object.fromEntries(new URLSearchParams(documented)))).toBe(documented);

    const ours = new URL(buildPaymentUrl(terminal, VNPAY_SANDBOX_PAYMENT_URL, payment).url).search.slice(1);
    expect(ours.replace('&vnp_ExpireDate=20210801154833', '').replace(/&vnp_SecureHash=.*$/, '')).toBe(documented);
  });

  it('adds vnp_BankCode when one is chosen, inside the signed data', () => {
    const url = new URL(buildPaymentUrl(terminal, VNPAY_SANDBOX_PAYMENT_URL, { ...payment, bankCode: 'VNBANK' }).url);
    expect(url.searchParams.get('vnp_BankCode')).toBe('VNBANK');
    const signed = url.search.slice(1).replace(/&vnp_SecureHash=.*$/, '');
    expect(url.searchParams.get('vnp_SecureHash')).toBe(hmacSha512(terminal.hashSecret, signed));
  });

  it.each([
    [{ minorUnits: 1n, currency: 'VND' }, '100'],
    [{ minorUnits: 18060n, currency: 'VND' }, '1806000'],
    [{ minorUnits: 9_999_999_999n, currency: 'VND' }, '999999999900'],
  ])('sends %p as vnp_Amount %s (VND × 100)', (money, vnpAmount) => {
    const url = new URL(buildPaymentUrl(terminal, VNPAY_SANDBOX_PAYMENT_URL, { ...payment, money }).url);
    expect(url.searchParams.get('vnp_Amount')).toBe(vnpAmount);
  });

  it.each<[string, Partial<OneTimePayment>, string]>([
    ['another currency', { money: { minorUnits: 1000n, currency: 'USD' } }, 'money.currency'],
    [
      'a fractional amount',
      { money: { minorUnits: 18060.5 as unknown as bigint, currency: 'VND' } },
      'money.minorUnits',
    ],
    [
      'an amount in a JavaScript number',
      { money: { minorUnits: 18060 as unknown as bigint, currency: 'VND' } },
      'money.minorUnits',
    ],
    ['a zero amount', { money: { minorUnits: 0n, currency: 'VND' } }, 'money.minorUnits'],
    ['a negative amount', { money: { minorUnits: -5n, currency: 'VND' } }, 'money.minorUnits'],
    ['more than vnp_Amount carries', { money: { minorUnits: 10_000_000_000n, currency: 'VND' } }, 'money.minorUnits'],
    ['a payment id outside Alphanumeric[1,100]', { paymentId: 'pay-5' }, 'paymentId'],
    ['order info with special characters', { orderInfo: 'Thanh toan (don hang) 5' }, 'orderInfo'],
    ['another locale', { locale: 'fr' as 'vn' }, 'locale'],
    ['a return URL that is not http(s)', { returnUrl: 'ftp://domainmerchant.vn/r' }, 'returnUrl'],
    ['a payer IP that is no address', { payerIp: 'localhost' }, 'payerIp'],
    ['an expiry before creation', { expiresAt: new Date('2021-08-01T08:00:00Z') }, 'expiresAt'],
    ['a bank code outside Alphanumeric[3,20]', { bankCode: 'NC' }, 'bankCode'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(refusedField(() => buildPaymentUrl(terminal, VNPAY_SANDBOX_PAYMENT_URL, { ...payment, ...change }))).toBe(
      field,
    );
  });

  it('refuses a terminal code that is not 8 alphanumerics', () => {
    expect(
      refusedField(() => buildPaymentUrl({ ...terminal, tmnCode: 'DEMO' }, VNPAY_SANDBOX_PAYMENT_URL, payment)),
    ).toBe('tmnCode');
  });
});
