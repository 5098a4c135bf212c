import { randomBytes } from 'node:crypto';
import { AttemptReport, AttemptToQuery } from '../payment-rail';
import { RailHttp, RailUnavailableError } from '../rail-http';
import { buildQueryRequest, verifyQueryResponse } from './query-and-refund';
import { throwUnlessAboutTheTransaction, unverifiedAnswer } from './vnpay-api-answer';
import { withPortFieldNames } from './vnpay-field-names';
import { VnpayTerminal } from './vnpay-fields';
import { apiResponseMeaning, transactionStatusMeaning } from './vnpay-response-codes';

const QUERY_FIELDS = {
  paymentId: 'orderReference',
  paymentCreatedAt: 'createdAt',
  serverIp: 'clientIp',
  tmnCode: 'credentials.tmnCode',
};

/** Asks VNPay (querydr) what became of an attempt, and reads its signed answer as a report. */
export async function queryVnpayAttempt(
  http: RailHttp,
  terminal: VnpayTerminal,
  transactionApi: string,
  attempt: AttemptToQuery,
): Promise<AttemptReport> {
  const body = withPortFieldNames(QUERY_FIELDS, () =>
    buildQueryRequest(terminal, {
      // Unique per request and day; nothing else reads it.
      requestId: randomBytes(16).toString('hex'),
      paymentId: attempt.orderReference,
      paymentCreatedAt: attempt.createdAt,
      requestedAt: new Date(),
      serverIp: attempt.clientIp,
      orderInfo: `Query ${attempt.orderReference}`,
    }),
  );
  const answer = await http.postJson('vnpay', transactionApi, body);
  throwUnlessAboutTheTransaction(answer.status, answer.body);

  const verification = verifyQueryResponse(terminal, answer.body);
  if (!verification.verified) throw unverifiedAnswer(`querydr: ${verification.reason}`);
  const { answer: read } = verification;
  const report: AttemptReport = {
    orderReference: attempt.orderReference,
    outcome: 'pending',
    amount: null,
    currency: null,
    providerTransactionId: read.transactionNo || null,
    failure: null,
    occurredAt: read.payDate,
  };
  if (read.responseCode === '91') return { ...report, outcome: 'not-found', providerTransactionId: null };
  if (read.responseCode !== '00') {
    // 94 (a duplicate request id) and 99 (other errors) pass; asking again later is safe.
    throw new RailUnavailableError('vnpay', `querydr answered ${apiResponseMeaning(read.responseCode)}`);
  }
  if (read.paymentId !== attempt.orderReference) throw unverifiedAnswer(`querydr answered for ${read.paymentId}`);
  if (read.succeeded && read.money) {
    return { ...report, outcome: 'succeeded', amount: read.money.minorUnits, currency: read.money.currency };
  }
  if (read.transactionStatus === '01') return report;
  return { ...report, outcome: 'failed', failure: transactionStatusMeaning(read.transactionStatus) };
}
