import { createHmac } from 'node:crypto';
import {
  TOKEN_PAYMENT_REFUND_LIMITS,
  buildQueryBody,
  buildRefundBody,
  readQueryResponse,
  readRefundResponse,
} from './query-and-refund';

const PARTNER = {
  partnerCode: 'MOMOSPEC2026',
  accessKey: 'SPECACCESSKEY01',
  secretKey: 'spec-secret-key-0123456789abcdef',
};
const hmac = (raw: string, key = PARTNER.secretKey) => createHmac('sha256', key).update(raw, 'utf8').digest('hex');
const refusedOn = (field: string) => expect.objectContaining({ errors: [expect.objectContaining({ field })] });

const PAID = { amountMinor: 59_000n, currency: 'VND' };
const REFUND = {
  refundId: 'ref_5d1c-01',
  requestId: 'req-refund-0001',
  transId: '4088878653',
  money: PAID,
  paid: PAID,
  description: 'Hoàn tiền gói tháng',
  lang: 'vi' as const,
};

describe('buildQueryBody', () => {
  it('signs accessKey, orderId, partnerCode, requestId in that order', () => {
    const body = buildQueryBody(PARTNER, 'pay_0b9e1c2a-7f31', 'req-query-0001', 'en');
    expect(body).toEqual({
      partnerCode: 'MOMOSPEC2026',
      requestId: 'req-query-0001',
      orderId: 'pay_0b9e1c2a-7f31',
      lang: 'en',
      signature: hmac(
        'accessKey=SPECACCESSKEY01&orderId=pay_0b9e1c2a-7f31&partnerCode=MOMOSPEC2026&requestId=req-query-0001',
      ),
    });
    expect(body.signature).not.toBe(
      hmac('accessKey=SPECACCESSKEY01&partnerCode=MOMOSPEC2026&orderId=pay_0b9e1c2a-7f31&requestId=req-query-0001'),
    );
  });
});

describe('buildRefundBody', () => {
  it.each([
    ['full', PAID, 59000, 'full'],
    ['partial', { amountMinor: 20_000, currency: 'VND' }, 20000, 'partial'],
  ] as const)('%s refund: signs the documented raw string', (_case, money, amount, scope) => {
    const { body, scope: actual } = buildRefundBody(PARTNER, { ...REFUND, money });
    expect(actual).toBe(scope);
    expect(body).toEqual({
      partnerCode: 'MOMOSPEC2026',
      orderId: 'ref_5d1c-01',
      requestId: 'req-refund-0001',
      amount,
      transId: 4088878653,
      lang: 'vi',
      description: 'Hoàn tiền gói tháng',
      signature: hmac(
        `accessKey=SPECACCESSKEY01&amount=${amount}&description=Hoàn tiền gói tháng&orderId=ref_5d1c-01` +
          '&partnerCode=MOMOSPEC2026&requestId=req-refund-0001&transId=4088878653',
      ),
    });
  });

  it.each([
    ['more than was paid', { money: { amountMinor: 59_001, currency: 'VND' } }, 'amount'],
    ['another currency', { money: { amountMinor: 59_000, currency: 'EUR' } }, 'amount'],
    ['a fraction of a đồng', { money: { amountMinor: 1_500.25, currency: 'VND' } }, 'amount'],
    ['less than MoMo minimum', { money: { amountMinor: 999, currency: 'VND' } }, 'amount'],
    [
      'above the tokenization refund cap',
      {
        money: { amountMinor: 30_000_001, currency: 'VND' },
        paid: { amountMinor: 40_000_000, currency: 'VND' },
        limits: TOKEN_PAYMENT_REFUND_LIMITS,
      },
      'amount',
    ],
    ['a transId that is not MoMo', { transId: '12ab' }, 'transId'],
    ['a refund id MoMo rejects', { refundId: 'ref 1' }, 'refundId'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(() => buildRefundBody(PARTNER, { ...REFUND, ...change })).toThrow(refusedOn(field));
  });
});

describe('reading responses (unsigned in the docs: parsed and checked, not verified)', () => {
  it('reads a query answer with its refunds', () => {
    const outcome = readQueryResponse(PARTNER, {
      partnerCode: 'MOMOSPEC2026',
      orderId: 'pay_0b9e1c2a-7f31',
      requestId: 'req-query-0001',
      extraData: '',
      amount: 59000,
      transId: 4088878653,
      payType: 'qr',
      resultCode: 0,
      refundTrans: [{ orderId: 'ref_5d1c-01', amount: 20000, resultCode: 0, transId: 4088900001, createdTime: 1 }],
      message: 'Thành công.',
      responseTime: 1721720700000,
    });
    expect(outcome).toEqual({
      paymentId: 'pay_0b9e1c2a-7f31',
      requestId: 'req-query-0001',
      amountVnd: 59000n,
      transId: '4088878653',
      resultCode: 0,
      paid: true,
      message: 'Thành công.',
      payType: 'qr',
      respondedAt: new Date(1721720700000),
      refunds: [{ refundId: 'ref_5d1c-01', amountVnd: 20000n, transId: '4088900001', resultCode: 0 }],
    });
  });

  it('reads a refund answer', () => {
    expect(
      readRefundResponse(PARTNER, {
        partnerCode: 'MOMOSPEC2026',
        orderId: 'ref_5d1c-01',
        requestId: 'req-refund-0001',
        amount: 20000,
        transId: 4088900001,
        resultCode: 0,
        message: 'Thành công.',
        responseTime: 1721720800000,
      }),
    ).toMatchObject({ refundId: 'ref_5d1c-01', amountVnd: 20000n, transId: '4088900001', refunded: true });
  });

  it.each([
    ['another partner', { partnerCode: 'MOMOOTHER' }, 'partnerCode'],
    ['an amount as text', { amount: '59000' }, 'amount'],
    ['no resultCode', { resultCode: undefined }, 'resultCode'],
  ])('refuses a refund answer from %s', (_case, change, field) => {
    const answer = {
      partnerCode: 'MOMOSPEC2026',
      orderId: 'ref_5d1c-01',
      requestId: 'req-refund-0001',
      amount: 20000,
      transId: 4088900001,
      resultCode: 0,
      message: 'ok',
      responseTime: 1,
    };
    expect(() => readRefundResponse(PARTNER, { ...answer, ...change })).toThrow(refusedOn(field));
  });
});
