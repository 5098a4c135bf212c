import { createHmac } from 'node:crypto';
import { NotificationVerdict } from '../payment-rail';
import { answerMomo, readMomoNotification } from './momo-notification';

const PARTNER = {
  partnerCode: 'MOMOSPEC2026',
  accessKey: 'SPECACCESSKEY01',
  secretKey: 'spec-secret-key-0123456789abcdef',
};

function ipn(resultCode: number, message: string) {
  const fields = {
    partnerCode: PARTNER.partnerCode,
    orderId: 'pay0b9e1c2a7f31aaaaaaaa',
    requestId: 'req-0001',
    amount: 59000,
    orderInfo: 'Gói đọc báo',
    orderType: 'momo_wallet',
    transId: 4088878653,
    resultCode,
    message,
    payType: 'qr',
    responseTime: 1721720663942,
    extraData: '',
  };
  const raw =
    `accessKey=${PARTNER.accessKey}&amount=59000&extraData=&message=${message}&orderId=pay0b9e1c2a7f31aaaaaaaa` +
    `&orderInfo=Gói đọc báo&orderType=momo_wallet&partnerCode=${PARTNER.partnerCode}&payType=qr&requestId=req-0001` +
    `&responseTime=1721720663942&resultCode=${resultCode}&transId=4088878653`;
  return { ...fields, signature: createHmac('sha256', PARTNER.secretKey).update(raw).digest('hex') };
}

const post = (body: string | object, method: 'GET' | 'POST' = 'POST') => ({
  method,
  query: new URLSearchParams(),
  headers: {},
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8'),
});

describe('readMomoNotification', () => {
  it.each([
    [0, 'succeeded', 59000n, null],
    [9000, 'pending', 59000n, null],
    [1000, 'pending', 59000n, null],
    [1006, 'failed', null, '1006 Transaction denied by user.'],
    [1005, 'failed', null, '1005 Transaction denied by user.'],
  ])('resultCode %i reads as %s', (resultCode, outcome, amount, failure) => {
    const reading = readMomoNotification(PARTNER, post(ipn(resultCode, 'Transaction denied by user.')));
    expect(reading).toMatchObject({
      verified: true,
      report: { outcome, amount, failure },
      dedupeKey: `4088878653:${resultCode}`,
    });
  });

  it.each([
    ['a GET', post(ipn(0, 'ok'), 'GET'), 'malformed'],
    ['a body that is not JSON', post('{"partnerCode":'), 'malformed'],
    ['bytes that are not UTF-8', { ...post(''), body: Buffer.from([0xff, 0xfe, 0x7b]) }, 'malformed'],
    ['a JSON array', post([ipn(0, 'ok')]), 'malformed'],
    ['JSON null', post('null'), 'malformed'],
    ['an amount as text', post({ ...ipn(0, 'ok'), amount: '59000' }), 'malformed'],
    ['a changed amount', post({ ...ipn(0, 'ok'), amount: 1000 }), 'bad-signature'],
    ['another partner', post({ ...ipn(0, 'ok'), partnerCode: 'MOMOOTHER' }), 'bad-signature'],
    ['a __proto__ key', post(`{"__proto__":{"x":1},${JSON.stringify(ipn(0, 'ok')).slice(1)}`), 'verified'],
  ])('answers %s without throwing', (_case, notification, expected) => {
    const reading = readMomoNotification(PARTNER, notification);
    expect(reading.verified ? 'verified' : reading.reason).toBe(expected);
  });
});

describe('answerMomo', () => {
  it.each<[NotificationVerdict, number]>([
    ['accepted', 204],
    ['duplicate', 204],
    ['already-settled', 204],
    ['unknown-order', 204],
    ['amount-mismatch', 204],
    ['bad-signature', 400],
    ['malformed', 400],
    ['failed', 500],
  ])('answers %s with HTTP %i', (verdict, status) => {
    const answer = answerMomo(verdict);
    expect(answer.status).toBe(status);
    expect(answer.body === '').toBe(status === 204);
  });
});
