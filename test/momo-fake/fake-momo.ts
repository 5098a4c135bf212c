import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  NotificationSent,
  PayOptions,
  RailFake,
  RailNotification,
  StartedAttemptRef,
  sendNotification,
} from '../support/rail-fake';
import { FakeMomoReply, createPayment, momoMessage, queryPayment, refundPayment } from './fake-momo-api';
import { hmacHex, ipnRaw } from './fake-momo-signatures';
import { FakeMomoOrder, FakeMomoStore } from './fake-momo-store';

type CallKind = 'create' | 'query' | 'refund';

const ROUTES: Record<string, CallKind> = {
  '/v2/gateway/api/create': 'create',
  '/v2/gateway/api/query': 'query',
  '/v2/gateway/api/refund': 'refund',
};

const BODY_LIMIT = 1024 * 1024;

/**
 * MoMo AIO v2 as a local HTTP server: the create, query and refund APIs checked with the fake's own
 * signing, a payer page at each payUrl, and signed IPNs POSTed to the ipnUrl of the create request.
 */
export async function startFakeMomo(): Promise<RailFake> {
  const store = new FakeMomoStore();
  const counts: Record<CallKind, number> = { create: 0, query: 0, refund: 0 };
  let url = '';

  const server = createServer((request, response) => {
    serve(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error.message);
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', url).pathname;
    const kind = ROUTES[path];
    if (request.method === 'POST' && kind) {
      counts[kind] += 1;
      const body = await readJsonObject(request);
      const result: FakeMomoReply =
        body === null
          ? { status: 400, body: { resultCode: 20, message: momoMessage(20), responseTime: Date.now() } }
          : kind === 'create'
            ? createPayment(store, url, body)
            : kind === 'query'
              ? queryPayment(store, body)
              : refundPayment(store, body);
      response.writeHead(result.status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(result.body));
      return;
    }
    const payId = /^\/pay\/([A-Za-z0-9]+)$/.exec(path)?.[1];
    const order = payId ? store.orderByPayId(payId) : undefined;
    if (request.method === 'GET' && order) {
      response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      response.end(payerPage(order));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: 'not found' }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function orderOf(attempt: StartedAttemptRef): FakeMomoOrder {
    const payId = attempt.redirectUrl ? /\/pay\/([A-Za-z0-9]+)$/.exec(attempt.redirectUrl)?.[1] : undefined;
    const order = payId ? store.orderByPayId(payId) : undefined;
    if (!order) throw new Error(`fake MoMo: no payment at ${attempt.redirectUrl}`);
    return order;
  }

  async function notify(order: FakeMomoOrder, times: number): Promise<NotificationSent[]> {
    const sent: NotificationSent[] = [];
    for (let i = 0; i < times; i += 1) sent.push(await sendNotification(ipnRequest(order.ipnUrl, order.lastIpn ?? {})));
    return sent;
  }

  return {
    rail: 'momo',
    url,
    merchant: () => ({ ...store.newMerchant() }),
    setNotificationUrl: () => undefined,
    async pay(attempt, options: PayOptions = {}) {
      const order = orderOf(attempt);
      if (order.state === 'declined') throw new Error('fake MoMo: the payer declined this payment');
      order.state = 'paid';
      if (order.transId === 0) order.transId = store.newTransId();
      const amount = options.notifiedAmount === undefined ? order.amount : Number(options.notifiedAmount);
      order.lastIpn = signedIpn(order, { resultCode: 0, amount }, options.badSignature ?? false);
      return notify(order, options.notifications ?? 1);
    },
    async decline(attempt, options = {}) {
      const order = orderOf(attempt);
      if (order.state === 'paid') throw new Error('fake MoMo: this payment is paid');
      order.state = 'declined';
      if (order.transId === 0) order.transId = store.newTransId();
      order.lastIpn = signedIpn(order, { resultCode: 1006, amount: order.amount }, false);
      return notify(order, options.notifications ?? 1);
    },
    async resend(attempt, options = {}) {
      const order = orderOf(attempt);
      if (!order.lastIpn) throw new Error('fake MoMo: nothing was notified for this payment yet');
      const ipn = options.badSignature ? { ...order.lastIpn, signature: forged(order) } : order.lastIpn;
      return sendNotification(ipnRequest(order.ipnUrl, ipn));
    },
    notificationFor(attempt) {
      const order = orderOf(attempt);
      if (!order.lastIpn) throw new Error('fake MoMo: nothing was notified for this payment yet');
      return ipnRequest(order.ipnUrl, order.lastIpn);
    },
    calls: (kind) => counts[kind],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function signedIpn(
  order: FakeMomoOrder,
  outcome: { resultCode: 0 | 1006; amount: number },
  badSignature: boolean,
): Record<string, string | number> {
  const ipn = {
    partnerCode: order.merchant.partnerCode,
    orderId: order.orderId,
    requestId: order.requestId,
    amount: outcome.amount,
    orderInfo: order.orderInfo,
    orderType: 'momo_wallet',
    transId: order.transId,
    resultCode: outcome.resultCode,
    message: momoMessage(outcome.resultCode),
    payType: outcome.resultCode === 0 ? 'qr' : '',
    responseTime: Date.now(),
    extraData: order.extraData,
  };
  const signature = badSignature ? forged(order) : hmacHex(order.merchant.secretKey, ipnRaw(order.merchant, ipn));
  return { ...ipn, signature };
}

/** A well-formed signature under a key that is not the merchant's. */
function forged(order: FakeMomoOrder): string {
  return hmacHex(`${order.merchant.secretKey}-not`, JSON.stringify(order.lastIpn));
}

function ipnRequest(ipnUrl: string, ipn: Record<string, string | number>): RailNotification {
  return { method: 'POST', url: ipnUrl, headers: { 'content-type': 'application/json' }, body: JSON.stringify(ipn) };
}

async function readJsonObject(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function payerPage(order: FakeMomoOrder): string {
  const escape = (text: string) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>MoMo (fake)</title></head><body>` +
    `<h1>Thanh toán MoMo</h1><p>${escape(order.orderInfo)}</p><p>${order.amount} VND</p>` +
    `<p>Trạng thái: ${order.state}</p></body></html>`
  );
}
