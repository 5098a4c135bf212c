import { randomUUID } from 'node:crypto';
import {
  pipeHash,
  QUERY_ANSWER,
  QUERY_REQUEST,
  REFUND_ANSWER,
  REFUND_REQUEST,
  sameHash,
  vietnamTime,
} from './vnpay-fake-signing';
import { FakePayment, FakeTerminal, VnpayFakeStore } from './vnpay-fake-store';

type Fields = Record<string, unknown>;

/**
 * POST /merchant_webapi/api/transaction: querydr and refund, each checked (terminal, checksum,
 * request id) and answered signed. Refund reading taken: VNPay documents no code of its own for an
 * amount beyond what is left to refund; the fake answers 03 (data not in the right format).
 */
export function answerTransactionApi(store: VnpayFakeStore, body: unknown): Fields {
  if (typeof body !== 'object' || body === null) return { vnp_ResponseCode: '03', vnp_Message: 'Invalid data format' };
  const request = body as Fields;
  const command = request.vnp_Command;
  if (command === 'querydr') store.calls.query += 1;
  else if (command === 'refund') store.calls.refund += 1;
  else return { vnp_ResponseCode: '03', vnp_Message: 'Invalid data format' };

  const terminal = store.terminal(String(request.vnp_TmnCode));
  if (!terminal) return { vnp_ResponseCode: '02', vnp_Message: 'Invalid TmnCode' };
  const order = command === 'querydr' ? QUERY_REQUEST : REFUND_REQUEST;
  if (
    typeof request.vnp_SecureHash !== 'string' ||
    !sameHash(pipeHash(terminal.hashSecret, order, request), request.vnp_SecureHash)
  ) {
    return signed(terminal, command, { vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' });
  }
  const requestId = String(request.vnp_RequestId);
  if (terminal.requestIds.has(requestId))
    return signed(terminal, command, { vnp_ResponseCode: '94', vnp_Message: 'Duplicate request' });
  terminal.requestIds.add(requestId);

  const payment = store.payment(terminal.tmnCode, String(request.vnp_TxnRef));
  // VNPay finds a payment by vnp_TxnRef and the vnp_TransactionDate it was created with.
  if (!payment || payment.createDate !== request.vnp_TransactionDate) {
    return signed(terminal, command, {
      vnp_ResponseCode: '91',
      vnp_Message: 'Transaction not found',
      vnp_TxnRef: request.vnp_TxnRef,
    });
  }
  return command === 'querydr' ? queried(terminal, payment) : refunded(store, terminal, payment, request);
}

function queried(terminal: FakeTerminal, payment: FakePayment): Fields {
  const status = { 'on-page': '01', paid: '00', declined: '02' }[payment.state];
  return signed(terminal, 'querydr', {
    ...paymentFields(payment),
    vnp_ResponseCode: '00',
    vnp_Message: 'QueryDR Success',
    vnp_TransactionType: '01',
    vnp_TransactionStatus: status,
  });
}

function refunded(store: VnpayFakeStore, terminal: FakeTerminal, payment: FakePayment, request: Fields): Fields {
  const refuse = (code: string, message: string) =>
    signed(terminal, 'refund', { vnp_ResponseCode: code, vnp_Message: message, vnp_TxnRef: payment.txnRef });
  if (payment.state !== 'paid') return refuse('95', 'Transaction is not successful at VNPAY');
  if (request.vnp_TransactionNo !== payment.transactionNo) return refuse('91', 'Transaction not found');
  const scaled = /^[1-9][0-9]*00$/.test(String(request.vnp_Amount)) ? BigInt(String(request.vnp_Amount)) : null;
  if (scaled === null) return refuse('03', 'Invalid amount');
  const amount = scaled / 100n;
  const left = payment.amount - payment.refunded;
  const type = request.vnp_TransactionType;
  if (type === '02' && (payment.refunded !== 0n || amount !== payment.amount)) {
    return refuse('03', 'A full refund is of the whole amount, once');
  }
  if (type !== '02' && type !== '03') return refuse('03', 'Invalid transaction type');
  if (amount > left) return refuse('03', 'Refund amount exceeds the amount left to refund');
  payment.refunded += amount;
  return signed(terminal, 'refund', {
    ...paymentFields(payment),
    vnp_Amount: scaled.toString(),
    vnp_ResponseCode: '00',
    vnp_Message: 'Refund success',
    vnp_TransactionNo: store.transactionNo(),
    vnp_TransactionType: type,
    vnp_TransactionStatus: '00',
    vnp_PayDate: vietnamTime(new Date()),
  });
}

function paymentFields(payment: FakePayment): Fields {
  return {
    vnp_TxnRef: payment.txnRef,
    vnp_Amount: (payment.amount * 100n).toString(),
    vnp_BankCode: 'NCB',
    vnp_PayDate: payment.payDate ?? '',
    vnp_TransactionNo: payment.transactionNo ?? '',
    vnp_OrderInfo: payment.orderInfo,
  };
}

function signed(terminal: FakeTerminal, command: string, fields: Fields): Fields {
  const answer: Fields = {
    vnp_ResponseId: randomUUID().replace(/-/g, ''),
    vnp_Command: command,
    vnp_TmnCode: terminal.tmnCode,
    ...fields,
  };
  const order = command === 'querydr' ? QUERY_ANSWER : REFUND_ANSWER;
  return { ...answer, vnp_SecureHash: pipeHash(terminal.hashSecret, order, answer) };
}
