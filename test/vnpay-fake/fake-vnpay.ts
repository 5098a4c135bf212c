import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  NotificationSent,
  PayOptions,
  RailFake,
  RailNotification,
  StartedAttemptRef,
  sendNotification,
} from '../support/rail-fake';
import { answerTransactionApi } from './vnpay-fake-api';
import { randomAlphanumerics, signedQueryWithHash, vietnamTime } from './vnpay-fake-signing';
import { FakePayment, FakeTerminal, VnpayFakeStore } from './vnpay-fake-store';
import { ERROR_PAGE_PATH, errorPage, PAYMENT_PAGE_PATH, paymentPage, visitPaymentPage } from './vnpay-payment-page';

const TRANSACTION_API_PATH = '/merchant_webapi/api/transaction';

/**
 * VNPay PAY 2.1.0 for tests, on loopback: the payment page (GET /paymentv2/vpcpay.html), querydr and
 * refund (POST /merchant_webapi/api/transaction), and the payer, whose payment or cancellation the
 * fake notifies to the IPN URL registered for the terminal. Its signatures are its own code.
 */
export async function startFakeVnpay(): Promise<RailFake> {
  const store = new VnpayFakeStore();
  const server = createServer((req, res) => {
    route(store, req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const terminalOf = (credentials: Record<string, string>): FakeTerminal => {
    const terminal = store.terminal(credentials.tmnCode);
    if (!terminal) throw new Error(`the fake VNPay has no terminal ${credentials.tmnCode}`);
    return terminal;
  };

  return {
    rail: 'vnpay',
    url,
    merchant() {
      const credentials = { tmnCode: randomAlphanumerics(8), hashSecret: randomAlphanumerics(32) };
      store.addTerminal(credentials.tmnCode, credentials.hashSecret);
      return credentials;
    },
    setNotificationUrl(credentials, ipnUrl) {
      terminalOf(credentials).ipnUrl = ipnUrl;
    },
    async pay(attempt, options: PayOptions = {}) {
      const { terminal, payment } = await openPaymentPage(attempt);
      payment.state = 'paid';
      payment.transactionNo = store.transactionNo();
      payment.payDate = vietnamTime(new Date());
      payment.lastIpn = {
        ...ipnOf(payment, '00', '00'),
        vnp_Amount: ((options.notifiedAmount ?? payment.amount) * 100n).toString(),
        vnp_BankTranNo: `VNP${payment.transactionNo}`,
      };
      return notify(terminal, payment.lastIpn, options.notifications ?? 1, options.badSignature ?? false);
    },
    async decline(attempt, options = {}) {
      const { terminal, payment } = await openPaymentPage(attempt);
      payment.state = 'declined';
      payment.transactionNo = store.transactionNo();
      payment.payDate = vietnamTime(new Date());
      // 24: the customer cancelled; the transaction failed (status 02).
      payment.lastIpn = ipnOf(payment, '24', '02');
      return notify(terminal, payment.lastIpn, options.notifications ?? 1, false);
    },
    async resend(attempt, options = {}) {
      const { terminal, payment } = paymentOf(attempt);
      if (!payment.lastIpn) throw new Error(`the fake VNPay has notified nothing for ${payment.txnRef}`);
      const [sent] = await notify(terminal, payment.lastIpn, 1, options.badSignature ?? false);
      return sent;
    },
    notificationFor(attempt) {
      const { terminal, payment } = paymentOf(attempt);
      if (!payment.lastIpn) throw new Error(`the fake VNPay has notified nothing for ${payment.txnRef}`);
      return ipnRequest(terminal, payment.lastIpn, false);
    },
    calls: (kind) => store.calls[kind],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  /** The payer opens the attempt's URL on the fake, over HTTP, as a browser would. */
  async function openPaymentPage(
    attempt: StartedAttemptRef,
  ): Promise<{ terminal: FakeTerminal; payment: FakePayment }> {
    if (!attempt.redirectUrl) throw new Error('a VNPay attempt has a redirect URL');
    const page = await fetch(attempt.redirectUrl, { redirect: 'follow' });
    const text = await page.text();
    if (!page.url.includes(PAYMENT_PAGE_PATH) || page.status !== 200)
      throw new Error(`VNPay refused the payment: ${text}`);
    const found = paymentOf(attempt);
    if (found.payment.state !== 'on-page')
      throw new Error(`the payment ${found.payment.txnRef} is already ${found.payment.state}`);
    return found;
  }

  function paymentOf(attempt: StartedAttemptRef): { terminal: FakeTerminal; payment: FakePayment } {
    const query = new URL(attempt.redirectUrl ?? '').searchParams;
    const terminal = terminalOf({ tmnCode: query.get('vnp_TmnCode') ?? '' });
    const payment = store.payment(terminal.tmnCode, query.get('vnp_TxnRef') ?? '');
    if (!payment) throw new Error(`the fake VNPay has never shown ${query.get('vnp_TxnRef')}`);
    return { terminal, payment };
  }
}

function ipnOf(payment: FakePayment, responseCode: string, transactionStatus: string): Record<string, string> {
  return {
    vnp_Amount: (payment.amount * 100n).toString(),
    vnp_BankCode: 'NCB',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: payment.orderInfo,
    vnp_PayDate: payment.payDate ?? '',
    vnp_ResponseCode: responseCode,
    vnp_TmnCode: payment.tmnCode,
    vnp_TransactionNo: payment.transactionNo ?? '',
    vnp_TransactionStatus: transactionStatus,
    vnp_TxnRef: payment.txnRef,
  };
}

/** Sends the IPN `times` times, one after the other; answers each reply. */
async function notify(
  terminal: FakeTerminal,
  ipn: Record<string, string>,
  times: number,
  badSignature: boolean,
): Promise<NotificationSent[]> {
  const request = ipnRequest(terminal, ipn, badSignature);
  const sent: NotificationSent[] = [];
  for (let i = 0; i < times; i += 1) sent.push(await sendNotification(request));
  return sent;
}

/** The IPN as VNPay sends it: a GET to the terminal's IPN URL with the signed query. */
function ipnRequest(terminal: FakeTerminal, ipn: Record<string, string>, badSignature: boolean): RailNotification {
  if (!terminal.ipnUrl) throw new Error(`no IPN URL is registered for terminal ${terminal.tmnCode}`);
  const secret = badSignature ? `${terminal.hashSecret}WRONG` : terminal.hashSecret;
  const url = `${terminal.ipnUrl}${terminal.ipnUrl.includes('?') ? '&' : '?'}${signedQueryWithHash(secret, ipn)}`;
  return { method: 'GET', url, headers: {}, body: null };
}

async function route(store: VnpayFakeStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  if (req.method === 'GET' && url.pathname === PAYMENT_PAGE_PATH) {
    const visit = visitPaymentPage(store, url.searchParams);
    if (visit.shown) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(paymentPage(visit.txnRef));
    else res.writeHead(302, { location: `${ERROR_PAGE_PATH}?code=${visit.code}` }).end();
  } else if (req.method === 'GET' && url.pathname === ERROR_PAGE_PATH) {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(errorPage(url.searchParams.get('code') ?? ''));
  } else if (req.method === 'POST' && url.pathname === TRANSACTION_API_PATH) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answerTransactionApi(store, body)));
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
