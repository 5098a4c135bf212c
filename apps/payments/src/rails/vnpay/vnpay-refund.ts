import { RefundReport, RefundToRequest } from '../payment-rail';
import { RailHttp } from '../rail-http';
import { plainOrderInfo } from './order-info';
import { buildRefundRequest, verifyRefundResponse } from './query-and-refund';
import { throwUnlessAboutTheTransaction, unverifiedAnswer } from './vnpay-api-answer';
import { withPortFieldNames } from './vnpay-field-names';
import { refuse, VnpayTerminal } from './vnpay-fields';
import { apiResponseMeaning, transactionStatusMeaning } from './vnpay-response-codes';

const REFUND_FIELDS = {
  requestId: 'refundReference',
  paymentId: 'attempt.orderReference',
  paymentCreatedAt: 'attempt.createdAt',
  serverIp: 'attempt.clientIp',
  transactionNo: 'attempt.providerTransactionId',
  'money.currency': 'currency',
  'money.minorUnits': 'amount',
  orderInfo: 'reason',
  tmnCode: 'credentials.tmnCode',
};

/**
 * Asks VNPay to refund (vnp_TransactionType 02 full, 03 partial), naming the payment by its
 * vnp_TransactionNo and vnp_TransactionDate (the vnp_CreateDate of its pay URL: the attempt's createdAt).
 */
export async function refundVnpayPayment(
  http: RailHttp,
  terminal: VnpayTerminal,
  transactionApi: string,
  refund: RefundToRequest,
): Promise<RefundReport> {
  const transactionNo = refund.attempt.providerTransactionId;
  if (transactionNo === null) refuse('attempt.providerTransactionId', 'VNPay refunds name its transaction number');
  const body = withPortFieldNames(REFUND_FIELDS, () =>
    buildRefundRequest(terminal, {
      requestId: refund.refundReference,
      paymentId: refund.attempt.orderReference,
      paymentCreatedAt: refund.attempt.createdAt,
      requestedAt: refund.requestedAt,
      serverIp: refund.attempt.clientIp,
      orderInfo: plainOrderInfo(refund.reason, `Refund ${refund.refundReference}`),
      extent: refund.full ? 'full' : 'partial',
      money: { minorUnits: refund.amount, currency: refund.currency },
      transactionNo,
      requestedBy: createdByOf(refund.requestedBy),
    }),
  );
  const answer = await http.postJson('vnpay', transactionApi, body);
  throwUnlessAboutTheTransaction(answer.status, answer.body);

  const verification = verifyRefundResponse(terminal, answer.body);
  if (!verification.verified) throw unverifiedAnswer(`refund: ${verification.reason}`);
  const { answer: read } = verification;
  // A refusal of this refund (not found, one already in progress, the payment failed, other) is
  // final for this request: asking again by itself could refund twice once VNPay recovers.
  if (read.responseCode !== '00') {
    return { outcome: 'failed', providerRefundId: null, failure: apiResponseMeaning(read.responseCode) };
  }
  const providerRefundId = read.transactionNo || null;
  switch (read.transactionStatus) {
    case '00':
      return { outcome: 'succeeded', providerRefundId, failure: null };
    case '05':
    case '06':
      return { outcome: 'pending', providerRefundId, failure: null };
    default:
      return { outcome: 'failed', providerRefundId, failure: transactionStatusMeaning(read.transactionStatus) };
  }
}

/** Who asked, in the characters vnp_CreateBy accepts (an actor such as `api-key:…` carries others). */
function createdByOf(actor: string): string {
  return actor.replace(/[^A-Za-z0-9 ._@-]/g, '-').slice(0, 250) || 'payments';
}
