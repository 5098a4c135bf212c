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
import { FakeMomoCode, FakeMomoReply, createPayment, momoMessage, queryPayment, refundPayment } from './fake-momo-api';
import { bindingIpnRaw, hmacHex, ipnRaw } from './fake-momo-signatures';
import { FakeMomoOrder, FakeMomoStore, randomText } from './fake-momo-store';
import { answerCallbackToken, takeTokenCharge, unbindToken } from './fake-momo-tokens';

type CallKind = 'create' | 'query' | 'refund' | 'cbToken' | 'tokenPay' | 'tokenDelete';

const ROUTES: Record<string, CallKind> = {
  '/v2/gateway/api/create': 'create',
  '/v2/gateway/api/query': 'query',
  '/v2/gateway/api/refund': 'refund',
  '/v2/gateway/api/tokenization/cbToken': 'cbToken',
  '/v2/gateway/api/tokenization/pay': 'tokenPay',
  '/v2/gateway/api/tokenization/delete': 'tokenDelete',
};

/** How the fake takes the next charge of a saved wallet (tokenization/pay). */
export interface TokenChargePlan {
  /** The wallet pays (default) or MoMo declines the charge (1001, insufficient funds). */
  outcome?: 'paid' | 'declined';
  /**
   * Its IPN: sent before the answer (default), never, or held until `sendLateIpns`.
   */
  ipn?: 'before-answer' | 'none' | 'late';
  /** The charge is made but its answer is lost (a 504 after MoMo took it). */
  answerLost?: boolean;
}

/** MoMo's fake, with the saved wallets of tokenization on top of the rail fake. */
export interface FakeMomo extends RailFake {
  /** How the next tokenization/pay call goes; calls without a plan are paid, notified before the answer. */
  planTokenCharge(plan: TokenChargePlan): void;
  /** Sends the IPNs of charges planned `ipn: 'late'`; answers what the payments service said. */
  sendLateIpns(): Promise<NotificationSent[]>;
  /** The wallets bound so far, active or unbound. */
  boundWallets(): { partnerClientId: string; active: boolean }[];
  /** Every token and callbackToken the fake ever issued: what must never show outside the payments service. */
  issuedSecrets(): string[];
  callsTo(kind: CallKind): number;
}

const BODY_LIMIT = 1024 * 1024;

/**
 * MoMo AIO v2 as a local HTTP server: the create, query and refund APIs checked with the fake's own
 * signing, a payer page at each payUrl, and signed IPNs POSTed to the ipnUrl of the create request.
 */
export async function startFakeMomo(): Promise<FakeMomo> {
  const store = new FakeMomoStore();
  const counts: Record<CallKind, number> = { create: 0, query: 0, refund: 0, cbToken: 0, tokenPay: 0, tokenDelete: 0 };
  const plans: TokenChargePlan[] = [];
  const late: FakeMomoOrder[] = [];
  const issued = new Set<string>();
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
          : await answer(kind, body);
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

  async function answer(kind: CallKind, body: Record<string, unknown>): Promise<FakeMomoReply> {
    switch (kind) {
      case 'create':
        return createPayment(store, url, body);
      case 'query':
        return queryPayment(store, body);
      case 'refund':
        return refundPayment(store, body);
      case 'cbToken': {
        const answered = answerCallbackToken(store, body);
        for (const token of store.tokens.keys()) issued.add(token);
        return answered;
      }
      case 'tokenDelete':
        return unbindToken(store, body);
      case 'tokenPay':
        return chargeToken(body);
    }
  }

  /** The wallet is charged with no payer: MoMo answers at once, and notifies as planned. */
  async function chargeToken(body: Record<string, unknown>): Promise<FakeMomoReply> {
    const taken = takeTokenCharge(store, body);
    if ('refused' in taken) return taken.refused;
    const { order } = taken;
    const plan = plans.shift() ?? {};
    const code = plan.outcome === 'declined' ? 1001 : 0;
    order.state = code === 0 ? 'paid' : 'declined';
    order.transId = store.newTransId();
    order.lastIpn = signedIpn(order, { resultCode: code, amount: order.amount }, false);
    const ipn = plan.ipn ?? 'before-answer';
    if (ipn === 'before-answer') await notify(order, 1);
    if (ipn === 'late') late.push(order);
    if (plan.answerLost) return { status: 504, body: { message: 'gateway timeout' } };
    return {
      status: 200,
      body: {
        partnerCode: order.merchant.partnerCode,
        requestId: order.requestId,
        orderId: order.orderId,
        amount: order.amount,
        transId: order.transId,
        resultCode: code,
        message: momoMessage(code),
        responseTime: Date.now(),
      },
    };
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

  /** A paid linkWallet order binds the payer's wallet: its IPN carries a one-time callbackToken for the token. */
  function bound(order: FakeMomoOrder): BindingFields | null {
    if (order.partnerClientId === null) return null;
    const callbackToken = randomText(40);
    issued.add(callbackToken);
    store.callbacks.set(callbackToken, {
      partnerCode: order.merchant.partnerCode,
      orderId: order.orderId,
      partnerClientId: order.partnerClientId,
    });
    return { callbackToken, partnerClientId: order.partnerClientId };
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
      order.lastIpn = signedIpn(order, { resultCode: 0, amount }, options.badSignature ?? false, bound(order));
      return notify(order, options.notifications ?? 1);
    },
    async decline(attempt, options = {}) {
      const order = orderOf(attempt);
      if (order.state === 'paid') throw new Error('fake MoMo: this payment is paid');
      order.state = 'declined';
      if (order.transId === 0) order.transId = store.newTransId();
      order.lastIpn = signedIpn(order, { resultCode: 1006, amount: order.amount }, false, declinedBinding(order));
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
    callsTo: (kind) => counts[kind],
    planTokenCharge: (plan) => plans.push(plan),
    async sendLateIpns() {
      const sent: NotificationSent[] = [];
      for (const order of late.splice(0)) sent.push(...(await notify(order, 1)));
      return sent;
    },
    issuedSecrets: () => [...issued],
    boundWallets: () =>
      [...store.tokens.values()].map((token) => ({ partnerClientId: token.partnerClientId, active: token.active })),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

type BindingFields = { callbackToken: string; partnerClientId: string };

/** A declined binding still answers in the binding's words, with no callbackToken to use. */
function declinedBinding(order: FakeMomoOrder): BindingFields | null {
  return order.partnerClientId === null ? null : { callbackToken: '', partnerClientId: order.partnerClientId };
}

function signedIpn(
  order: FakeMomoOrder,
  outcome: { resultCode: FakeMomoCode; amount: number },
  badSignature: boolean,
  binding: BindingFields | null = null,
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
    ...binding,
  };
  const raw = binding ? bindingIpnRaw(order.merchant, ipn) : ipnRaw(order.merchant, ipn);
  const signature = badSignature ? forged(order) : hmacHex(order.merchant.secretKey, raw);
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
