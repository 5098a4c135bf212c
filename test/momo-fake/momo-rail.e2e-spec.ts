import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { ValidationFailedError } from '@libs/common';
import { MomoRail } from '../../apps/payments/src/rails/momo/momo-rail';
import {
  AttemptToQuery,
  AttemptToStart,
  NotificationReading,
  NotificationVerdict,
  RailAccount,
  StartedAttempt,
} from '../../apps/payments/src/rails/payment-rail';
import { RailHttp, RailRefusedError } from '../../apps/payments/src/rails/rail-http';
import { RailFake } from '../support/rail-fake';
import { startFakeMomo } from './fake-momo';

const http = new RailHttp(10_000);
const rail = new MomoRail(http);

/** Plays the payments service: reads each notification with the adapter and answers in its words. */
class NotificationReceiver {
  readonly readings: NotificationReading[] = [];
  private readonly seen = new Set<string>();
  private server!: Server;
  url = '';

  constructor(private readonly account: () => RailAccount) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.body(request).then((body) => {
        const reading = rail.readNotification(this.account(), {
          method: request.method === 'GET' ? 'GET' : 'POST',
          query: new URLSearchParams(),
          headers: request.headers,
          body,
        });
        this.readings.push(reading);
        const answer = rail.answer(this.verdictOn(reading));
        response.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {});
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notifications/momo`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private verdictOn(reading: NotificationReading): NotificationVerdict {
    if (!reading.verified) return reading.reason;
    if (this.seen.has(reading.dedupeKey)) return 'duplicate';
    this.seen.add(reading.dedupeKey);
    return 'accepted';
  }

  private async body(request: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

const reference = () => randomBytes(12).toString('hex');

describe('MomoRail against the fake MoMo', () => {
  let fake: RailFake;
  let account: RailAccount;
  let receiver: NotificationReceiver;

  beforeAll(async () => {
    fake = await startFakeMomo();
    const { credentials } = rail.checkCredentials(fake.merchant());
    account = {
      id: 'acc-momo-1',
      tenantId: 'tenant-1',
      rail: 'momo',
      environment: 'sandbox',
      credentials,
      baseUrl: fake.url,
    };
    receiver = new NotificationReceiver(() => account);
    await receiver.start();
  });

  afterAll(async () => {
    await receiver.close();
    await fake.close();
  });

  beforeEach(() => {
    receiver.readings.length = 0;
  });

  function attempt(overrides: Partial<AttemptToStart> = {}): AttemptToStart {
    const now = new Date();
    return {
      orderReference: reference(),
      orderCode: Number.parseInt(randomBytes(4).toString('hex'), 16),
      amount: 59_000n,
      currency: 'VND',
      description: 'Gói đọc báo tháng 12',
      buyer: { name: null, email: null, phone: null },
      returnUrl: 'https://reader.example.vn/payments/return',
      notificationUrl: receiver.url,
      clientIp: '203.0.113.7',
      locale: 'vi',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 15 * 60_000),
      method: null,
      ...overrides,
    };
  }

  const toQuery = (started: AttemptToStart, providerTransactionId: string | null = null): AttemptToQuery => ({
    orderReference: started.orderReference,
    orderCode: started.orderCode,
    providerTransactionId,
    createdAt: started.createdAt,
    clientIp: started.clientIp,
  });

  async function started(overrides: Partial<AttemptToStart> = {}): Promise<[AttemptToStart, StartedAttempt]> {
    const asked = attempt(overrides);
    return [asked, await rail.start(account, asked)];
  }

  function verifiedReading(index = 0) {
    const reading = receiver.readings[index];
    if (!reading?.verified) throw new Error(`notification ${index} was not verified: ${JSON.stringify(reading)}`);
    return reading;
  }

  it('starts a payment on the payer page MoMo returns, and reads the paid notification', async () => {
    const [asked, start] = await started();
    expect(start.redirectUrl).toMatch(new RegExp(`^${fake.url}/pay/`));
    expect(start.qrCode).toEqual(expect.any(String));
    expect(start.providerReference).toEqual(expect.any(String));
    const page = await fetch(start.redirectUrl!);
    expect(await page.text()).toContain('59000 VND');

    const sent = await fake.pay(start);

    expect(sent).toEqual([{ status: 204, body: '' }]);
    const { report } = verifiedReading();
    expect(report).toMatchObject({
      orderReference: asked.orderReference,
      outcome: 'succeeded',
      amount: 59_000n,
      currency: 'VND',
      failure: null,
    });
    expect(report.providerTransactionId).toMatch(/^[1-9][0-9]*$/);
  });

  it('reads a declined payment as failed, with MoMo code and message', async () => {
    const [asked, start] = await started();
    const sent = await fake.decline(start);
    expect(sent.map((s) => s.status)).toEqual([204]);
    expect(verifiedReading().report).toMatchObject({
      orderReference: asked.orderReference,
      outcome: 'failed',
      amount: null,
      failure: expect.stringMatching(/^1006 /),
    });
  });

  it('refuses a notification with a bad signature, answering 400', async () => {
    const [, start] = await started();
    const [sent] = await fake.pay(start, { badSignature: true });
    expect(sent.status).toBe(400);
    expect(JSON.parse(sent.body)).toEqual({ message: expect.stringContaining('bad-signature') });
    expect(receiver.readings).toEqual([{ verified: false, reason: 'bad-signature', detail: expect.any(String) }]);
  });

  it('reports a tampered amount as MoMo signed it, for the service to refuse', async () => {
    const [, start] = await started();
    await fake.pay(start, { notifiedAmount: 1_000n });
    expect(verifiedReading().report).toMatchObject({ outcome: 'succeeded', amount: 1_000n, currency: 'VND' });
  });

  it('gives a notification sent again the same dedupe key', async () => {
    const [, start] = await started();
    const sent = await fake.pay(start, { notifications: 2 });
    const resent = await fake.resend(start);
    expect([...sent, resent].map((s) => s.status)).toEqual([204, 204, 204]);
    const keys = [0, 1, 2].map((i) => verifiedReading(i).dedupeKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9]+:0$/);
  });

  it('finds by query a payment whose notification was lost', async () => {
    const [asked, start] = await started();
    const sent = await fake.pay(start, { notifications: 0 });
    expect(sent).toEqual([]);
    expect(receiver.readings).toEqual([]);

    const report = await rail.query(account, toQuery(asked));

    expect(report).toMatchObject({
      orderReference: asked.orderReference,
      outcome: 'succeeded',
      amount: 59_000n,
      currency: 'VND',
    });
    expect(report.providerTransactionId).toMatch(/^[1-9][0-9]*$/);
  });

  it('queries a payment not paid yet as pending', async () => {
    const [asked] = await started();
    expect(await rail.query(account, toQuery(asked))).toMatchObject({ outcome: 'pending', amount: null });
  });

  it('answers not-found for an order MoMo never saw', async () => {
    const unknown = attempt();
    const queriesBefore = fake.calls('query');
    expect(await rail.query(account, toQuery(unknown))).toEqual({
      orderReference: unknown.orderReference,
      outcome: 'not-found',
      amount: null,
      currency: null,
      providerTransactionId: null,
      failure: null,
      occurredAt: null,
    });
    expect(fake.calls('query')).toBe(queriesBefore + 1);
  });

  describe('refunds', () => {
    async function paidAttempt(): Promise<AttemptToQuery> {
      const [asked, start] = await started();
      await fake.pay(start);
      return toQuery(asked, verifiedReading().report.providerTransactionId);
    }

    const refundOf = (paid: AttemptToQuery, amount: bigint, full: boolean) => ({
      refundReference: reference(),
      attempt: paid,
      amount,
      currency: 'VND',
      full,
      reason: 'Hoàn tiền theo yêu cầu',
      requestedBy: 'admin-1',
      requestedAt: new Date(),
    });

    it('refunds part, then the rest', async () => {
      const paid = await paidAttempt();
      const part = await rail.refund(account, refundOf(paid, 20_000n, false));
      const rest = await rail.refund(account, refundOf(paid, 39_000n, false));
      expect(part).toEqual({ outcome: 'succeeded', providerRefundId: expect.stringMatching(/^[1-9]/), failure: null });
      expect(rest).toEqual({ outcome: 'succeeded', providerRefundId: expect.stringMatching(/^[1-9]/), failure: null });
      expect(part.providerRefundId).not.toBe(rest.providerRefundId);
    });

    it('refunds the whole payment at once', async () => {
      const paid = await paidAttempt();
      expect(await rail.refund(account, refundOf(paid, 59_000n, true))).toMatchObject({ outcome: 'succeeded' });
    });

    it('reports the refusal of a refund beyond what was paid', async () => {
      const paid = await paidAttempt();
      await rail.refund(account, refundOf(paid, 50_000n, false));
      expect(await rail.refund(account, refundOf(paid, 10_000n, false))).toEqual({
        outcome: 'failed',
        providerRefundId: null,
        failure: expect.stringMatching(/^1081 /),
      });
    });
  });

  describe('credentials', () => {
    it.each(['partnerCode', 'accessKey', 'secretKey'])('names credentials.%s when it is missing', (field) => {
      const credentials: Record<string, string> = { ...fake.merchant() };
      delete credentials[field];
      expect(() => rail.checkCredentials(credentials)).toThrow(
        expect.objectContaining({ errors: [expect.objectContaining({ field: `credentials.${field}` })] }),
      );
    });

    it('names a malformed field, and answers the partnerCode as merchant id', () => {
      const merchant = fake.merchant();
      expect(() => rail.checkCredentials({ ...merchant, accessKey: 'has space' })).toThrow(ValidationFailedError);
      expect(rail.checkCredentials({ ...merchant, secretKey: ` ${merchant.secretKey}\n` })).toEqual({
        credentials: merchant,
        merchantId: merchant.partnerCode,
      });
    });

    it('has a payment refused by MoMo when the secret is wrong', async () => {
      const wrong = { ...account, credentials: { ...account.credentials, secretKey: 'not-the-secret-key-at-all' } };
      const creates = fake.calls('create');
      await expect(rail.start(wrong, attempt())).rejects.toThrow(
        expect.objectContaining({ constructor: RailRefusedError, code: '13' }),
      );
      expect(fake.calls('create')).toBe(creates + 1);
    });
  });

  describe('methods', () => {
    it('takes payWithMethod', async () => {
      const [, start] = await started({ method: 'payWithMethod' });
      expect(start.redirectUrl).toMatch(/\/pay\//);
    });

    it('refuses a method MoMo does not have, naming it, before calling MoMo', async () => {
      const creates = fake.calls('create');
      await expect(rail.start(account, attempt({ method: 'payWithATM' }))).rejects.toThrow(
        expect.objectContaining({ errors: [expect.objectContaining({ field: 'method' })] }),
      );
      expect(fake.calls('create')).toBe(creates);
    });

    it('refuses a currency other than VND', async () => {
      await expect(rail.start(account, attempt({ currency: 'USD', amount: 500n }))).rejects.toThrow(
        ValidationFailedError,
      );
    });

    it('is refused by MoMo when an orderId is used twice', async () => {
      const [asked] = await started();
      await expect(rail.start(account, { ...asked })).rejects.toThrow(
        expect.objectContaining({ constructor: RailRefusedError, code: '41' }),
      );
    });
  });
});
