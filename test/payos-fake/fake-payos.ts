import { randomInt } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  NotificationSent,
  PayOptions,
  RailFake,
  RailNotification,
  StartedAttemptRef,
  sendNotification,
} from '../support/rail-fake';
import { createRequestSignature, dataSignature } from './payos-fake-signature';
import { FakeChannel, FakeLink, PayosFakeStore } from './payos-fake-store';

/** payOS's fake, with what a test may want to read beyond the common interface. */
export interface PayosFake extends RailFake {
  /** The create request the fake received for this order code, as sent (signature included). */
  createRequest(credentials: Record<string, string>, orderCode: number): Record<string, unknown> | undefined;
}

type ApiAnswer = { status: number; body: Record<string, unknown> };

const DESCRIPTION_LIMIT = 25;

// payOS answers refusals with HTTP 200 and its own code ('20' invalid data, '201' bad signature,
// '231' order code used, '101' no such link); unknown keys get a 401.
function refusal(code: string, desc: string): ApiAnswer {
  return { status: 200, body: { code, desc, data: null } };
}

/**
 * payOS as its SDK sees it (POST /v2/payment-requests, GET /v2/payment-requests/:id, POST …/cancel),
 * with signed answers, plus the payer: `pay` marks the link PAID and sends the channel's webhook.
 */
export async function startFakePayos(): Promise<PayosFake> {
  const counts = { create: 0, query: 0, refund: 0 };
  const server: Server = createServer((req, res) => {
    void answerApi(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const links = new PayosFakeStore(url);

  async function answerApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const answer = route(req, raw);
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  }

  function route(req: IncomingMessage, raw: string): ApiAnswer {
    const path = new URL(req.url ?? '/', url).pathname;
    const channel = links.channel(String(req.headers['x-client-id'] ?? ''));
    if (!channel || req.headers['x-api-key'] !== channel.apiKey) {
      return {
        status: 401,
        body: { code: '401', desc: 'Unauthorized: x-client-id or x-api-key is wrong', data: null },
      };
    }
    if (req.method === 'POST' && path === '/v2/payment-requests') {
      counts.create++;
      return createLink(channel, raw);
    }
    const get = /^\/v2\/payment-requests\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && get) {
      counts.query++;
      const link = links.link(channel, decodeURIComponent(get[1]));
      return link ? signed(channel, linkInfo(link)) : refusal('101', 'Đơn thanh toán không tồn tại');
    }
    const cancel = /^\/v2\/payment-requests\/([^/]+)\/cancel$/.exec(path);
    if (req.method === 'POST' && cancel) {
      const link = links.link(channel, decodeURIComponent(cancel[1]));
      if (!link) return refusal('101', 'Đơn thanh toán không tồn tại');
      if (link.status === 'PENDING') markCancelled(link, parsed(raw)?.cancellationReason);
      return signed(channel, linkInfo(link));
    }
    return { status: 404, body: { code: '404', desc: 'Not found', data: null } };
  }

  function createLink(channel: FakeChannel, raw: string): ApiAnswer {
    const body = parsed(raw);
    if (!body) return refusal('20', 'Thông tin truyền lên không đúng.');
    const { orderCode, amount, description, returnUrl, cancelUrl, signature } = body;
    const wellFormed =
      Number.isSafeInteger(orderCode) &&
      (orderCode as number) > 0 &&
      Number.isSafeInteger(amount) &&
      (amount as number) > 0 &&
      typeof description === 'string' &&
      description.length > 0 &&
      description.length <= DESCRIPTION_LIMIT &&
      typeof returnUrl === 'string' &&
      typeof cancelUrl === 'string';
    if (!wellFormed) return refusal('20', 'Thông tin truyền lên không đúng.');
    if (signature !== createRequestSignature(channel.checksumKey, body)) {
      return refusal('201', 'Mã kiểm tra(signature) không hợp lệ');
    }
    if (links.hasOrderCode(channel, orderCode as number)) return refusal('231', 'Đơn thanh toán đã tồn tại');
    const link = links.addLink(channel, body);
    return signed(channel, {
      bin: channel.bin,
      accountNumber: channel.accountNumber,
      accountName: channel.accountName,
      amount: link.amount,
      description: link.description,
      orderCode: link.orderCode,
      currency: 'VND',
      paymentLinkId: link.id,
      status: link.status,
      expiredAt: link.expiredAt,
      checkoutUrl: link.checkoutUrl,
      qrCode: link.qrCode,
    });
  }

  function sendWebhook(link: FakeLink, body: Record<string, unknown>, badSignature = false): Promise<NotificationSent> {
    return sendNotification(webhookRequest(link, body, badSignature));
  }

  function webhookRequest(link: FakeLink, body: Record<string, unknown>, badSignature = false): RailNotification {
    const target = link.channel.webhookUrl;
    if (!target) throw new Error('fake payOS: this channel has no webhook URL (setNotificationUrl)');
    const sent = badSignature ? { ...body, signature: flipped(String(body.signature)) } : body;
    return { method: 'POST', url: target, headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) };
  }

  function channelOf(credentials: Record<string, string>): FakeChannel {
    const channel = links.channel(credentials.clientId);
    if (!channel) throw new Error('fake payOS: no channel has this clientId');
    return channel;
  }

  return {
    rail: 'payos',
    url,
    merchant() {
      const { clientId, apiKey, checksumKey } = links.addChannel();
      return { clientId, apiKey, checksumKey };
    },
    setNotificationUrl(credentials, webhookUrl) {
      channelOf(credentials).webhookUrl = webhookUrl;
    },
    async pay(attempt: StartedAttemptRef, options: PayOptions = {}) {
      const link = links.linkHeldByPayer(attempt);
      if (link.status !== 'PENDING') throw new Error(`fake payOS: the link is ${link.status}, it cannot be paid`);
      const transaction = {
        reference: `FT${randomInt(10 ** 9, 10 ** 10)}`,
        amount: link.amount,
        transactionDateTime: new Date(),
      };
      link.status = 'PAID';
      link.transactions.push(transaction);
      const data = {
        orderCode: link.orderCode,
        amount: options.notifiedAmount === undefined ? link.amount : Number(options.notifiedAmount),
        description: link.description,
        accountNumber: link.channel.accountNumber,
        reference: transaction.reference,
        transactionDateTime: vietnamWallClock(transaction.transactionDateTime),
        currency: 'VND',
        paymentLinkId: link.id,
        code: '00',
        desc: 'success',
        counterAccountBankId: '',
        counterAccountBankName: '',
        counterAccountName: '',
        counterAccountNumber: '',
        virtualAccountName: '',
        virtualAccountNumber: '',
      };
      link.lastWebhook = {
        code: '00',
        desc: 'success',
        success: true,
        data,
        signature: dataSignature(link.channel.checksumKey, data),
      };
      const answers: NotificationSent[] = [];
      for (let sent = 0; sent < (options.notifications ?? 1); sent++) {
        answers.push(await sendWebhook(link, link.lastWebhook, options.badSignature));
      }
      return answers;
    },
    // payOS sends webhooks for money received only: a cancelled link is learnt by a status query.
    async decline(attempt: StartedAttemptRef) {
      const link = links.linkHeldByPayer(attempt);
      if (link.status !== 'PENDING') throw new Error(`fake payOS: the link is ${link.status}, it cannot be cancelled`);
      markCancelled(link, 'Khách hàng hủy thanh toán');
      return Promise.resolve([]);
    },
    async resend(attempt: StartedAttemptRef, options = {}) {
      const link = links.linkHeldByPayer(attempt);
      if (!link.lastWebhook) throw new Error('fake payOS: nothing was notified for this link');
      return sendWebhook(link, link.lastWebhook, options.badSignature);
    },
    notificationFor(attempt: StartedAttemptRef) {
      const link = links.linkHeldByPayer(attempt);
      if (!link.lastWebhook) throw new Error('fake payOS: nothing was notified for this link');
      return webhookRequest(link, link.lastWebhook);
    },
    calls(kind) {
      return counts[kind];
    },
    createRequest(credentials, orderCode) {
      return links.link(channelOf(credentials), String(orderCode))?.request;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function markCancelled(link: FakeLink, reason: unknown): void {
  link.status = 'CANCELLED';
  link.cancellationReason = typeof reason === 'string' ? reason : null;
  link.canceledAt = new Date();
}

function linkInfo(link: FakeLink): Record<string, unknown> {
  if (link.status === 'PENDING' && link.expiredAt !== null && link.expiredAt * 1000 < Date.now())
    link.status = 'EXPIRED';
  const amountPaid = link.transactions.reduce((sum, transaction) => sum + transaction.amount, 0);
  return {
    id: link.id,
    orderCode: link.orderCode,
    amount: link.amount,
    amountPaid,
    amountRemaining: link.amount - amountPaid,
    status: link.status,
    createdAt: isoInVietnam(link.createdAt),
    transactions: link.transactions.map((transaction) => ({
      reference: transaction.reference,
      amount: transaction.amount,
      accountNumber: link.channel.accountNumber,
      description: link.description,
      transactionDateTime: isoInVietnam(transaction.transactionDateTime),
      virtualAccountName: null,
      virtualAccountNumber: null,
      counterAccountBankId: null,
      counterAccountBankName: null,
      counterAccountName: null,
      counterAccountNumber: null,
    })),
    cancellationReason: link.cancellationReason,
    canceledAt: link.canceledAt ? isoInVietnam(link.canceledAt) : null,
  };
}

function signed(channel: FakeChannel, data: Record<string, unknown>): ApiAnswer {
  return {
    status: 200,
    body: { code: '00', desc: 'success', data, signature: dataSignature(channel.checksumKey, data) },
  };
}

function parsed(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Vietnam's wall clock (UTC+7), as payOS writes webhook times: "2023-02-04 18:25:00". */
function vietnamWallClock(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function isoInVietnam(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

function flipped(signature: string): string {
  return (signature[0] === '0' ? '1' : '0') + signature.slice(1);
}
