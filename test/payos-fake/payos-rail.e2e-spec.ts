import { randomInt } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ValidationFailedError } from '@libs/common';
import {
  AttemptToStart,
  NotificationReading,
  NotificationVerdict,
  RailAccount,
} from '../../apps/payments/src/rails/payment-rail';
import { PayosRail } from '../../apps/payments/src/rails/payos/payos-rail';
import { RailHttp, RailRefusedError } from '../../apps/payments/src/rails/rail-http';
import { PayosFake, startFakePayos } from './fake-payos';

/** The payments service as payOS meets it: reads each webhook with the adapter, answers in its words. */
async function startReceiver(rail: PayosRail, account: () => RailAccount) {
  const readings: NotificationReading[] = [];
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reading = rail.readNotification(account(), {
        method: req.method === 'GET' ? 'GET' : 'POST',
        query: new URLSearchParams(),
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      readings.push(reading);
      let verdict: NotificationVerdict;
      if (!reading.verified) verdict = reading.reason;
      else if (seen.has(reading.dedupeKey)) verdict = 'duplicate';
      else {
        seen.add(reading.dedupeKey);
        verdict = 'accepted';
      }
      const answer = rail.answer(verdict);
      res.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {}).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/payments/notifications/payos`,
    readings,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the payOS adapter against the fake payOS', () => {
  const rail = new PayosRail(new RailHttp(5_000));
  let fake: PayosFake;
  let account: RailAccount;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    fake = await startFakePayos();
    const { credentials } = rail.checkCredentials(fake.merchant());
    account = {
      id: 'account-payos',
      tenantId: 'tenant-1',
      rail: 'payos',
      environment: 'sandbox',
      credentials,
      baseUrl: fake.url,
    };
    receiver = await startReceiver(rail, () => account);
    fake.setNotificationUrl(credentials, receiver.url);
  });

  afterAll(async () => {
    await receiver?.close();
    await fake?.close();
  });

  function attempt(overrides: Partial<AttemptToStart> = {}): AttemptToStart {
    const now = new Date();
    return {
      orderReference: `ord${randomInt(10 ** 9, 10 ** 10)}abcdefghijk`,
      orderCode: randomInt(1, 2 ** 47),
      amount: 99_000n,
      currency: 'VND',
      description: 'Monthly subscription',
      buyer: { name: 'Nguyen Van A', email: 'a@example.vn', phone: '0912345678' },
      returnUrl: 'https://news.example.vn/payments/return',
      notificationUrl: receiver.url,
      clientIp: '203.0.113.7',
      locale: 'vi',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 15 * 60_000),
      method: null,
      ...overrides,
    };
  }

  const queryOf = (started: AttemptToStart) => ({
    orderReference: started.orderReference,
    orderCode: started.orderCode,
    providerTransactionId: null,
    createdAt: started.createdAt,
    clientIp: started.clientIp,
  });

  it('starts a payment, and reads the webhook of its payment as a verified success of the amount paid', async () => {
    const asked = attempt({ amount: 150_000n });
    const started = await rail.start(account, asked);
    expect(started.redirectUrl).toMatch(new RegExp(`^${fake.url}/web/[0-9a-f]{32}$`));
    expect(started.qrCode).toMatch(/^000201010212/);
    expect(started.providerReference).toMatch(/^[0-9a-f]{32}$/);

    const answers = await fake.pay(started);

    expect(answers).toEqual([{ status: 200, body: '{"success":true}' }]);
    expect(receiver.readings.at(-1)).toMatchObject({
      verified: true,
      report: { orderReference: String(asked.orderCode), outcome: 'succeeded', amount: 150_000n, currency: 'VND' },
    });
  });

  it('refuses a webhook whose signature is wrong, answering 400', async () => {
    const started = await rail.start(account, attempt());
    const answers = await fake.pay(started, { badSignature: true });
    expect(answers.map((answer) => answer.status)).toEqual([400]);
    expect(receiver.readings.at(-1)).toMatchObject({ verified: false, reason: 'bad-signature' });
  });

  it('reports the amount the webhook states when it differs from the amount asked', async () => {
    const started = await rail.start(account, attempt({ amount: 99_000n }));
    await fake.pay(started, { notifiedAmount: 1_000n });
    expect(receiver.readings.at(-1)).toMatchObject({
      verified: true,
      report: { outcome: 'succeeded', amount: 1_000n },
    });
  });

  it('gives a webhook sent again the same dedupe key', async () => {
    const started = await rail.start(account, attempt());
    const answers = await fake.pay(started, { notifications: 2 });
    const resent = await fake.resend(started);
    const [first, second, third] = receiver.readings.slice(-3);
    expect(first.verified && second.verified && third.verified).toBe(true);
    if (!first.verified || !second.verified || !third.verified) return;
    expect(second.dedupeKey).toBe(first.dedupeKey);
    expect(third.dedupeKey).toBe(first.dedupeKey);
    expect([...answers, resent].map((answer) => answer.status)).toEqual([200, 200, 200]);
  });

  it('finds by query a payment whose webhook was lost', async () => {
    const asked = attempt({ amount: 250_000n });
    const started = await rail.start(account, asked);
    expect(await fake.pay(started, { notifications: 0 })).toEqual([]);
    const queriesBefore = fake.calls('query');

    const report = await rail.query(account, queryOf(asked));

    expect(report).toMatchObject({ orderReference: String(asked.orderCode), outcome: 'succeeded', amount: 250_000n });
    expect(report.providerTransactionId).toMatch(/^FT\d+$/);
    expect(report.occurredAt).toBeInstanceOf(Date);
    expect(fake.calls('query')).toBe(queriesBefore + 1);
  });

  it('reports pending while the payer has not paid, and failed once the payer cancelled', async () => {
    const asked = attempt();
    const started = await rail.start(account, asked);
    expect((await rail.query(account, queryOf(asked))).outcome).toBe('pending');

    expect(await fake.decline(started)).toEqual([]);
    const report = await rail.query(account, queryOf(asked));

    expect(report).toMatchObject({ outcome: 'failed', amount: null });
    expect(report.failure).toMatch(/^CANCELLED/);
  });

  it('reports not-found for an order code payOS never saw', async () => {
    const report = await rail.query(account, queryOf(attempt()));
    expect(report.outcome).toBe('not-found');
  });

  it('names the credential field that is missing or malformed', () => {
    const merchant = fake.merchant();
    const fieldsOf = (input: Record<string, string>) => {
      try {
        rail.checkCredentials(input);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationFailedError);
        return (error as ValidationFailedError).errors?.map((e) => e.field) ?? [];
      }
    };
    expect(fieldsOf({ clientId: merchant.clientId, apiKey: merchant.apiKey })).toEqual(['credentials.checksumKey']);
    expect(fieldsOf({ ...merchant, apiKey: 'not-a-key' })).toEqual(['credentials.apiKey']);
    expect(fieldsOf({ ...merchant, clientId: '' })).toEqual(['credentials.clientId']);
    expect(rail.checkCredentials(merchant).merchantId).toBe(merchant.clientId);
  });

  it('throws RailRefusedError when payOS refuses the API key', async () => {
    const wrongKey = { ...account, credentials: { ...account.credentials, apiKey: fake.merchant().apiKey } };
    const creationsBefore = fake.calls('create');
    await expect(rail.start(wrongKey, attempt())).rejects.toBeInstanceOf(RailRefusedError);
    expect(fake.calls('create')).toBe(creationsBefore);
  });

  it('is refused with code 201 when the create request is signed with another checksum key', async () => {
    const otherKey = { ...account, credentials: { ...account.credentials, checksumKey: fake.merchant().checksumKey } };
    const refusal = await rail.start(otherKey, attempt()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RailRefusedError);
    expect((refusal as RailRefusedError).code).toBe('201');
  });

  it('sends a Vietnamese description without accents and within 25 characters', async () => {
    const asked = attempt({ description: 'Gói đọc báo Tuổi Trẻ tháng 12 năm 2026' });
    await rail.start(account, asked);
    const sent = fake.createRequest(account.credentials, asked.orderCode);
    expect(sent?.description).toBe('Goi doc bao Tuoi Tre than');
    expect(sent).toMatchObject({
      amount: 99_000,
      returnUrl: asked.returnUrl,
      cancelUrl: asked.returnUrl,
      buyerName: 'Nguyen Van A',
    });
    expect(sent?.expiredAt).toBe(Math.floor(asked.expiresAt.getTime() / 1000));
  });
});
