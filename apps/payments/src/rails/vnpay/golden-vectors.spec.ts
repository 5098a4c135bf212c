import { RailAccount } from '../payment-rail';
import { RailHttp } from '../rail-http';
import { buildPaymentUrl, VNPAY_SANDBOX_PAYMENT_URL } from './payment-url';
import { buildQueryRequest, verifyQueryResponse } from './query-and-refund';
import { verifyCallback } from './verify-callback';
import { VnpayRail } from './vnpay-rail';

// Published vectors. VNPay's own documents (sandbox.vnpayment.vn/apis/docs) show a signed pay URL
// but never the secret that signed it, so no vector of theirs can be checked. The only published
// vector with its secret found is an IPN in the test fixtures of the `vnpay` npm package
// (github.com/lehuygiang28/vnpay, test/__helpers__/test-fixtures.ts DEFAULT_RETURN_QUERY_INPUT, and
// test/integration/vnpay/verify-ipn-call.test.ts for the same IPN with vnp_ResponseCode 99), secret
// "test_secret". For the pay URL and querydr, the signed strings are written out literally below and
// their hashes were computed apart from this code, with
//   printf '%s' '<signed string>' | openssl dgst -sha512 -hmac '<secret>'
const PUBLISHED = { tmnCode: 'TEST_TMN_CODE', hashSecret: 'test_secret' };
const OURS = { tmnCode: 'DEMOV210', hashSecret: 'VNPAYTESTSECRETKEY0123456789ABCD' };

const publishedIpn = {
  vnp_Amount: '1000000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14422574',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: 'Thanh toan don hang 2024-05-21T02:17:31.249Z',
  vnp_PayDate: '20240521091806',
  vnp_ResponseCode: '00',
  vnp_TmnCode: 'TEST_TMN_CODE',
  vnp_TransactionNo: '14422574',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: '1716257871703',
  vnp_SecureHash:
    '649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895',
};
const publishedFailedIpn = {
  ...publishedIpn,
  vnp_ResponseCode: '99',
  vnp_SecureHash:
    '503194f6d93b57b357b2d1d09742565e67e86d771352c5dca4fc8d39df3d392c6b3809add9405f97cfb9631f445e36c80656cfbf47eac67d97fa165865c13e1b',
};

function accountWith(credentials: Record<string, string>): RailAccount {
  return {
    id: 'acc',
    tenantId: 'tenant',
    rail: 'vnpay',
    environment: 'sandbox',
    credentials,
    baseUrl: 'https://sandbox.vnpayment.vn',
  };
}

const notification = (query: Record<string, string>) => ({
  method: 'GET' as const,
  query: new URLSearchParams(query),
  headers: {},
  body: Buffer.alloc(0),
});

describe('VNPay golden vectors', () => {
  const rail = new VnpayRail(new RailHttp(1000));

  it('verifies the published IPN (vnpay npm fixtures, secret "test_secret") and reads 10,000 VND paid', () => {
    expect(verifyCallback(PUBLISHED, new URLSearchParams(publishedIpn))).toMatchObject({ verified: true });
    expect(rail.readNotification(accountWith(PUBLISHED), notification(publishedIpn))).toEqual({
      verified: true,
      dedupeKey: '1716257871703:14422574:00:00',
      report: {
        orderReference: '1716257871703',
        outcome: 'succeeded',
        amount: 10000n,
        currency: 'VND',
        providerTransactionId: '14422574',
        failure: null,
        occurredAt: new Date('2024-05-21T02:18:06Z'),
      },
    });
  });

  it('verifies the published IPN of a failure (vnp_ResponseCode 99) and reads it as failed', () => {
    const reading = rail.readNotification(accountWith(PUBLISHED), notification(publishedFailedIpn));
    expect(reading).toMatchObject({
      verified: true,
      dedupeKey: '1716257871703:14422574:99:00',
      report: { outcome: 'failed' },
    });
  });

  it('refuses the published IPN under another secret', () => {
    const reading = rail.readNotification(
      accountWith({ ...PUBLISHED, hashSecret: 'other_secret' }),
      notification(publishedIpn),
    );
    expect(reading).toMatchObject({ verified: false, reason: 'bad-signature' });
  });

  it("signs VNPay's documented pay URL (plus vnp_ExpireDate) to the hash openssl computes", () => {
    const signed =
      'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND' +
      '&vnp_ExpireDate=20210801154833&vnp_IpAddr=127.0.0.1&vnp_Locale=vn' +
      '&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other' +
      '&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';
    const hash =
      '448befefaf204a56a60694405ea49ab8312a376950a87638fb7115d719a28b62f4a4fd351e3ca6968f858ff50063849d46626744ee9a61a5d804b9409dd53b73';
    const redirect = buildPaymentUrl(OURS, VNPAY_SANDBOX_PAYMENT_URL, {
      paymentId: '5',
      money: { minorUnits: 18060n, currency: 'VND' },
      orderInfo: 'Thanh toán đơn hàng :5',
      orderType: 'other',
      locale: 'vn',
      returnUrl: 'https://domainmerchant.vn/ReturnUrl',
      payerIp: '127.0.0.1',
      createdAt: new Date('2021-08-01T08:33:33Z'),
      expiresAt: new Date('2021-08-01T08:48:33Z'),
    });
    expect(redirect.url).toBe(`${VNPAY_SANDBOX_PAYMENT_URL}?${signed}&vnp_SecureHash=${hash}`);
  });

  it('signs a querydr request over its pipe-joined fields to the hash openssl computes', () => {
    // REQ20210802A|2.1.0|querydr|DEMOV210|5|20210801153333|20210802090000|10.0.0.1|Truy van giao dich 5
    const body = buildQueryRequest(OURS, {
      requestId: 'REQ20210802A',
      paymentId: '5',
      paymentCreatedAt: new Date('2021-08-01T08:33:33Z'),
      requestedAt: new Date('2021-08-02T02:00:00Z'),
      serverIp: '10.0.0.1',
      orderInfo: 'Truy vấn giao dịch 5',
    });
    expect(body.vnp_SecureHash).toBe(
      '83b416a300127de3a4eedd3d647116e65c0ebe9affd8336fccfde9c5b7b021217f72cc22e6caf0e55ae05404c9ac1547e89f77e630529cd155f8a9b7ca557d5c',
    );
  });

  it('verifies a querydr answer signed (by openssl) over its documented order, empty promotion fields included', () => {
    // RES20210802A|querydr|00|QueryDR Success|DEMOV210|5|1806000|NCB|20210801153520|13570046|01|00|Thanh toan don hang 5||
    const answer = {
      vnp_ResponseId: 'RES20210802A',
      vnp_Command: 'querydr',
      vnp_ResponseCode: '00',
      vnp_Message: 'QueryDR Success',
      vnp_TmnCode: 'DEMOV210',
      vnp_TxnRef: '5',
      vnp_Amount: '1806000',
      vnp_BankCode: 'NCB',
      vnp_PayDate: '20210801153520',
      vnp_TransactionNo: '13570046',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: '00',
      vnp_OrderInfo: 'Thanh toan don hang 5',
      vnp_SecureHash:
        'd2460c3603b5f2c2d565f4c2321b164fda80b98b4d035d6956951e80045cf69999df62f18797efe74afed5f03b8ef903be98c4862dc8fd97bc5a26111006d727',
    };
    expect(verifyQueryResponse(OURS, answer)).toMatchObject({
      verified: true,
      answer: { succeeded: true, money: { minorUnits: 18060n, currency: 'VND' }, transactionNo: '13570046' },
    });
    expect(verifyQueryResponse(OURS, { ...answer, vnp_Amount: '1806100' })).toMatchObject({ verified: false });
  });
});
