import { createHmac } from 'node:crypto';
import { ValidationFailedError } from '@libs/common';
import {
  buildQueryRequest,
  buildRefundRequest,
  RefundOrder,
  TransactionQuery,
  verifyQueryResponse,
  verifyRefundResponse,
} from './query-and-refund';

const terminal = { tmnCode: 'DEMOV210', hashSecret: 'VNPAYTESTSECRETKEY0123456789ABCD' };
const hmacSha512 = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

const query: TransactionQuery = {
  requestId: 'REQ20210802A',
  paymentId: '5',
  paymentCreatedAt: new Date('2021-08-01T08:33:33Z'), // 20210801153333 in GMT+7
  requestedAt: new Date('2021-08-02T02:00:00Z'), // 20210802090000
  serverIp: '10.0.0.1',
  orderInfo: 'Truy vấn giao dịch 5',
};
const refund: RefundOrder = {
  ...query,
  requestId: 'REF20210802A',
  orderInfo: 'Hoàn tiền một phần 5',
  extent: 'partial',
  money: { minorUnits: 5000n, currency: 'VND' },
  transactionNo: '14226112',
  requestedBy: 'admin',
};

describe('VNPay querydr and refund requests', () => {
  it('signs querydr over RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo', () => {
    const signed = 'REQ20210802A|2.1.0|querydr|DEMOV210|5|20210801153333|20210802090000|10.0.0.1|Truy van giao dich 5';
    expect(buildQueryRequest(terminal, query)).toEqual({
      vnp_RequestId: 'REQ20210802A',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'DEMOV210',
      vnp_TxnRef: '5',
      vnp_TransactionDate: '20210801153333',
      vnp_CreateDate: '20210802090000',
      vnp_IpAddr: '10.0.0.1',
      vnp_OrderInfo: 'Truy van giao dich 5',
      vnp_SecureHash: hmacSha512(terminal.hashSecret, signed),
    });
  });

  it('signs refund over RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|TransactionNo|TransactionDate|CreateBy|CreateDate|IpAddr|OrderInfo', () => {
    const signed =
      'REF20210802A|2.1.0|refund|DEMOV210|03|5|500000|14226112|20210801153333|admin|20210802090000|10.0.0.1|Hoan tien mot phan 5';
    expect(buildRefundRequest(terminal, refund)).toEqual({
      vnp_RequestId: 'REF20210802A',
      vnp_Version: '2.1.0',
      vnp_Command: 'refund',
      vnp_TmnCode: 'DEMOV210',
      vnp_TransactionType: '03',
      vnp_TxnRef: '5',
      vnp_Amount: '500000',
      vnp_TransactionNo: '14226112',
      vnp_TransactionDate: '20210801153333',
      vnp_CreateBy: 'admin',
      vnp_CreateDate: '20210802090000',
      vnp_IpAddr: '10.0.0.1',
      vnp_OrderInfo: 'Hoan tien mot phan 5',
      vnp_SecureHash: hmacSha512(terminal.hashSecret, signed),
    });
  });

  it.each([
    ['full', '02'],
    ['partial', '03'],
  ] as const)('sends a %s refund as vnp_TransactionType %s', (extent, type) => {
    expect(buildRefundRequest(terminal, { ...refund, extent }).vnp_TransactionType).toBe(type);
  });

  it.each<[string, Partial<RefundOrder>, string]>([
    ['a refund in another currency', { money: { minorUnits: 5n, currency: 'USD' } }, 'money.currency'],
    ['a fractional refund', { money: { minorUnits: 0.5 as unknown as bigint, currency: 'VND' } }, 'money.minorUnits'],
    ['a request id beyond 32 characters', { requestId: 'R'.repeat(33) }, 'requestId'],
    ['a VNPay transaction number that is not numeric', { transactionNo: 'VNP1' }, 'transactionNo'],
    ['an unknown refund extent', { extent: 'most' as 'full' }, 'extent'],
    ['a server IP that is no address', { serverIp: 'api.local' }, 'serverIp'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    let refused: string | undefined;
    try {
      buildRefundRequest(terminal, { ...refund, ...change });
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      refused = error.errors?.[0]?.field;
    }
    expect(refused).toBe(field);
  });
});

describe('VNPay querydr and refund answers', () => {
  // ResponseId|Command|ResponseCode|Message|TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|
  // TransactionType|TransactionStatus|OrderInfo|PromotionCode|PromotionAmount (the last two absent here)
  const queryAnswerSigned =
    'RESP1|querydr|00|QueryDR Success|DEMOV210|5|1806000|NCB|20210801153816|14226112|01|00|Thanh toan don hang :5||';
  const queryAnswer = {
    vnp_ResponseId: 'RESP1',
    vnp_Command: 'querydr',
    vnp_ResponseCode: '00',
    vnp_Message: 'QueryDR Success',
    vnp_TmnCode: 'DEMOV210',
    vnp_TxnRef: '5',
    vnp_Amount: '1806000',
    vnp_OrderInfo: 'Thanh toan don hang :5',
    vnp_BankCode: 'NCB',
    vnp_PayDate: '20210801153816',
    vnp_TransactionNo: '14226112',
    vnp_TransactionType: '01',
    vnp_TransactionStatus: '00',
    vnp_SecureHash: hmacSha512(terminal.hashSecret, queryAnswerSigned),
  };
  // ResponseId|Command|ResponseCode|Message|TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|
  // TransactionType|TransactionStatus|OrderInfo
  const refundAnswerSigned =
    'RESP2|refund|00|Refund success|DEMOV210|5|500000|NCB|20210802090005|14226200|03|05|Hoan tien mot phan 5';
  const refundAnswer = {
    vnp_ResponseId: 'RESP2',
    vnp_Command: 'refund',
    vnp_ResponseCode: '00',
    vnp_Message: 'Refund success',
    vnp_TmnCode: 'DEMOV210',
    vnp_TxnRef: '5',
    vnp_Amount: '500000',
    vnp_OrderInfo: 'Hoan tien mot phan 5',
    vnp_BankCode: 'NCB',
    vnp_PayDate: '20210802090005',
    vnp_TransactionNo: '14226200',
    vnp_TransactionType: '03',
    vnp_TransactionStatus: '05',
    vnp_SecureHash: hmacSha512(terminal.hashSecret, refundAnswerSigned),
  };

  it('reads a querydr answer signed in the documented order', () => {
    expect(verifyQueryResponse(terminal, queryAnswer)).toEqual({
      verified: true,
      answer: {
        responseCode: '00',
        message: 'QueryDR Success',
        paymentId: '5',
        money: { minorUnits: 18060n, currency: 'VND' },
        transactionNo: '14226112',
        bankCode: 'NCB',
        payDate: new Date('2021-08-01T08:38:16Z'),
        transactionType: '01',
        transactionStatus: '00',
        succeeded: true,
      },
    });
  });

  it('reads a refund answer signed in the documented order', () => {
    expect(verifyRefundResponse(terminal, refundAnswer)).toMatchObject({
      verified: true,
      answer: {
        responseCode: '00',
        money: { minorUnits: 5000n, currency: 'VND' },
        transactionType: '03',
        succeeded: true,
      },
    });
  });

  it('signs numbers in a JSON answer as their digits', () => {
    expect(verifyQueryResponse(terminal, { ...queryAnswer, vnp_Amount: 1806000 })).toMatchObject({ verified: true });
  });

  it.each([
    ['querydr', verifyQueryResponse, queryAnswer, 'vnp_TransactionStatus', '01'],
    ['querydr', verifyQueryResponse, queryAnswer, 'vnp_Amount', '1000000'],
    ['refund', verifyRefundResponse, refundAnswer, 'vnp_ResponseCode', '94'],
    ['refund', verifyRefundResponse, refundAnswer, 'vnp_Amount', '600000'],
  ])('refuses a %s answer whose %s was changed after signing', (_command, verify, answer, name, value) => {
    expect(verify(terminal, { ...answer, [name]: value })).toEqual({ verified: false, reason: 'checksum-mismatch' });
  });

  it.each([
    [
      'another secret',
      { ...queryAnswer, vnp_SecureHash: hmacSha512('ANOTHERSECRET', queryAnswerSigned) },
      'checksum-mismatch',
    ],
    ['no checksum', { ...queryAnswer, vnp_SecureHash: undefined }, 'missing-checksum'],
    ['no body', null, 'malformed'],
  ])('refuses a querydr answer with %s', (_case, answer, reason) => {
    expect(verifyQueryResponse(terminal, answer)).toMatchObject({ verified: false, reason });
  });
});
