import { createHmac } from 'node:crypto';
import { buildPaymentUrl, VNPAY_SANDBOX_PAYMENT_URL } from './payment-url';
import { verifyCallback } from './verify-callback';

const terminal = { tmnCode: 'DEMOV210', hashSecret: 'VNPAYTESTSECRETKEY0123456789ABCD' };
const hmacSha512 = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

// What VNPay sends back for a successful payment, sorted and form-encoded: the string it signs.
const signedReturn =
  'vnp_Amount=1806000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14226112&vnp_CardType=ATM' +
  '&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_PayDate=20210801153816&vnp_ResponseCode=00' +
  '&vnp_TmnCode=DEMOV210&vnp_TransactionNo=14226112&vnp_TransactionStatus=00&vnp_TxnRef=5';

/** A callback query as VNPay would send it: the signed fields, the hash type, then the checksum. */
function callback(signed: string, secret = terminal.hashSecret): URLSearchParams {
  return new URLSearchParams(`${signed}&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=${hmacSha512(secret, signed)}`);
}

describe('VNPay return URL / IPN verification', () => {
  it('accepts a callback signed over its vnp_* fields and reads it', () => {
    expect(verifyCallback(terminal, callback(signedReturn))).toEqual({
      verified: true,
      callback: {
        paymentId: '5',
        money: { minorUnits: 18060n, currency: 'VND' },
        transactionNo: '14226112',
        bankCode: 'NCB',
        bankTranNo: 'VNP14226112',
        cardType: 'ATM',
        payDate: new Date('2021-08-01T08:38:16Z'),
        responseCode: '00',
        transactionStatus: '00',
        paid: true,
      },
    });
  });

  it('accepts the same query as a framework hands it over (an object), with the checksum in upper case', () => {
    const query = Object.fromEntries(callback(signedReturn));
    query.vnp_SecureHash = query.vnp_SecureHash.toUpperCase();
    expect(verifyCallback(terminal, { ...query, utm_source: 'mail' })).toMatchObject({ verified: true });
  });

  it.each([
    ['the amount', 'vnp_Amount', '180600000'],
    ['the response code', 'vnp_ResponseCode', '24'],
    ['the payment id', 'vnp_TxnRef', '6'],
    ['the transaction status', 'vnp_TransactionStatus', '02'],
  ])('refuses a callback whose %s was changed after signing', (_case, name, value) => {
    const query = callback(signedReturn);
    query.set(name, value);
    expect(verifyCallback(terminal, query)).toEqual({ verified: false, reason: 'checksum-mismatch' });
  });

  it('refuses a field added after signing', () => {
    const query = callback(signedReturn);
    query.append('vnp_PromotionAmount', '100000');
    expect(verifyCallback(terminal, query)).toEqual({ verified: false, reason: 'checksum-mismatch' });
  });

  it('refuses a callback signed with another secret', () => {
    expect(verifyCallback(terminal, callback(signedReturn, 'ANOTHERSECRETKEY0123456789ABCDEF'))).toEqual({
      verified: false,
      reason: 'checksum-mismatch',
    });
  });

  it.each([
    ['no checksum', (q: URLSearchParams) => q.delete('vnp_SecureHash'), 'missing-checksum'],
    [
      'a truncated checksum',
      (q: URLSearchParams) => q.set('vnp_SecureHash', q.get('vnp_SecureHash')!.slice(0, 64)),
      'checksum-mismatch',
    ],
    [
      'a checksum that is not hex',
      (q: URLSearchParams) => q.set('vnp_SecureHash', 'z'.repeat(128)),
      'checksum-mismatch',
    ],
    ['a field given twice', (q: URLSearchParams) => q.append('vnp_TxnRef', '5'), 'malformed'],
  ])('refuses %s', (_case, change, reason) => {
    const query = callback(signedReturn);
    change(query);
    expect(verifyCallback(terminal, query)).toMatchObject({ verified: false, reason });
  });

  it("refuses a callback correctly signed for another terminal's code", () => {
    const signed = signedReturn.replace('vnp_TmnCode=DEMOV210', 'vnp_TmnCode=OTHER210');
    expect(verifyCallback(terminal, callback(signed))).toEqual({ verified: false, reason: 'other-terminal' });
  });

  it('refuses a signed amount that is not a whole number of VND', () => {
    const signed = signedReturn.replace('vnp_Amount=1806000', 'vnp_Amount=1806050');
    expect(verifyCallback(terminal, callback(signed))).toEqual({
      verified: false,
      reason: 'malformed',
      field: 'vnp_Amount',
    });
  });

  it.each([
    ['00', '00', true],
    ['24', '02', false], // the payer cancelled
    ['00', '01', false], // not finished at VNPay
    ['07', '00', false], // money taken, suspected fraud
    ['11', '02', false], // expired
  ])('paid with response code %s and status %s: %s', (responseCode, status, paid) => {
    const signed = signedReturn
      .replace('vnp_ResponseCode=00', `vnp_ResponseCode=${responseCode}`)
      .replace('vnp_TransactionStatus=00', `vnp_TransactionStatus=${status}`);
    expect(verifyCallback(terminal, callback(signed))).toMatchObject({ verified: true, callback: { paid } });
  });

  it('gives back in VND minor units the amount the pay URL sent as × 100', () => {
    const payment = {
      paymentId: 'a1b2c3',
      money: { minorUnits: 250_000n, currency: 'VND' },
      orderInfo: 'Goi doc 1 thang',
      orderType: 'other',
      locale: 'en' as const,
      returnUrl: 'https://example.vn/return',
      payerIp: '::1',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2026-01-01T00:15:00Z'),
    };
    const sent = new URL(buildPaymentUrl(terminal, VNPAY_SANDBOX_PAYMENT_URL, payment).url).searchParams;
    const signed =
      `vnp_Amount=${sent.get('vnp_Amount')}&vnp_BankCode=NCB&vnp_PayDate=20260101071000&vnp_ResponseCode=00` +
      '&vnp_TmnCode=DEMOV210&vnp_TransactionNo=1&vnp_TransactionStatus=00&vnp_TxnRef=a1b2c3';
    expect(sent.get('vnp_Amount')).toBe('25000000');
    expect(verifyCallback(terminal, callback(signed))).toMatchObject({
      verified: true,
      callback: { paymentId: 'a1b2c3', money: { minorUnits: 250_000n, currency: 'VND' } },
    });
  });
});
