import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ValidationFailedError } from '@libs/common';
import {
  AttemptToQuery,
  AttemptToStart,
  NotificationReading,
  NotificationVerdict,
  RailAccount,
} from '../../apps/payments/src/rails/payment-rail';
import { RailHttp, RailRefusedError } from '../../apps/payments/src/rails/rail-http';
import { VnpayRail } from '../../apps/payments/src/rails/vnpay/vnpay-rail';
import { RailFake, StartedAttemptRef } from '../support/rail-fake';
import { startFakeVnpay } from './fake-vnpay';

/**
 * Plays the payments service at its IPN endpoint: reads each notification through the adapter,
 * decides as the service would (known order, same amount, not seen before) and answers in the
 * adapter's words. Keeps every reading for the test to look at.
 */
async function startReceiver(rail: VnpayRail, account: () => RailAccount, expected: Map<string, bigint>) {
  const readings: NotificationReading[] = [];
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const reading = rail.readNotification(account(), {
      method: req.method === 'POST' ? 'POST' : 'GET',
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.alloc(0),
    });
    readings.push(reading);
    const answer = rail.answer(verdictOf(reading, expected, seen));
    res.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {}).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/vnpay/ipn`,
    readings,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function verdictOf(
  reading: NotificationReading,
  expected: Map<string, bigint>,
  seen: Set<string>,
): NotificationVerdict {
  if (!reading.verified) return reading.reason;
  const asked = expected.get(reading.report.orderReference);
  if (asked === undefined) return 'unknown-order';
  if (seen.has(reading.dedupeKey)) return 'duplicate';
  seen.add(reading.dedupeKey);
  if (reading.report.outcome === 'succeeded' && reading.report.amount !== asked) return 'amount-mismatch';
  return 'accepted';
}

const rspCode = (body: string) => (JSON.parse(body) as { RspCode: string }).RspCode;

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailedError) return (error.errors ?? []).map((e) => e.field);
    throw error;
  }
  return [];
}

async function refusedFields(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationFailedError) return (error.errors ?? []).map((e) => e.field);
    throw error;
  }
  return [];
}

describe('VNPay rail adapter against the fake VNPay', () => {
  const rail = new VnpayRail(new RailHttp(5000));
  const expected = new Map<string, bigint>();
  let fake: RailFake;
  let account: RailAccount;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    fake = await startFakeVnpay();
    const credentials = fake.merchant();
    const checked = rail.checkCredentials(credentials);
    account = {
      id: 'account-1',
      tenantId: 'tenant-1',
      rail: 'vnpay',
      environment: 'sandbox',
      credentials: checked.credentials,
      baseUrl: fake.url,
    };
    receiver = await startReceiver(rail, () => account, expected);
    fake.setNotificationUrl(credentials, receiver.url);
  });

  afterAll(async () => {
    await receiver.close();
    await fake.close();
  });

  function attemptOf(amount: bigint, change: Partial<AttemptToStart> = {}): AttemptToStart {
    const createdAt = new Date();
    const attempt: AttemptToStart = {
      orderReference: randomBytes(12).toString('hex'),
      orderCode: 1,
      amount,
      currency: 'VND',
      description: 'Gói đọc báo tháng 6',
      buyer: { name: null, email: null, phone: null },
      returnUrl: 'https://agency.example/payments/return',
      notificationUrl: receiver.url,
      clientIp: '203.0.113.7',
      locale: 'vi',
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
      method: null,
      ...change,
    };
    expected.set(attempt.orderReference, amount);
    return attempt;
  }

  const queryOf = (attempt: AttemptToStart, providerTransactionId: string | null = null): AttemptToQuery => ({
    orderReference: attempt.orderReference,
    orderCode: attempt.orderCode,
    providerTransactionId,
    createdAt: attempt.createdAt,
    clientIp: attempt.clientIp,
  });

  async function paid(amount: bigint): Promise<{ attempt: AttemptToStart; transactionNo: string }> {
    const attempt = attemptOf(amount);
    const started = await rail.start(account, attempt);
    const [sent] = await fake.pay(started);
    expect(rspCode(sent.body)).toBe('00');
    const reading = receiver.readings.at(-1);
    if (!reading?.verified || reading.report.providerTransactionId === null) throw new Error('payment not read');
    return { attempt, transactionNo: reading.report.providerTransactionId };
  }

  it('starts without calling VNPay, and a payment is notified verified, succeeded, for the VND asked (not × 100)', async () => {
    const attempt = attemptOf(150_000n);
    const creates = fake.calls('create');
    const started: StartedAttemptRef = await rail.start(account, attempt);
    expect(fake.calls('create')).toBe(creates);
    expect(started.qrCode).toBeNull();
    expect(new URL(started.redirectUrl ?? '').searchParams.get('vnp_Amount')).toBe('15000000');

    const sent = await fake.pay(started);

    expect(fake.calls('create')).toBe(creates + 1);
    expect(sent).toEqual([{ status: 200, body: expect.any(String) as string }]);
    expect(JSON.parse(sent[0].body)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(receiver.readings.at(-1)).toMatchObject({
      verified: true,
      report: { orderReference: attempt.orderReference, outcome: 'succeeded', amount: 150_000n, currency: 'VND' },
    });
  });

  it('reads a declined payment (customer cancelled) as failed, with the code and its meaning', async () => {
    const attempt = attemptOf(50_000n);
    const [sent] = await fake.decline(await rail.start(account, attempt));
    expect(rspCode(sent.body)).toBe('00');
    expect(receiver.readings.at(-1)).toMatchObject({
      verified: true,
      report: { orderReference: attempt.orderReference, outcome: 'failed', amount: null },
    });
    const reading = receiver.readings.at(-1);
    expect(reading?.verified && reading.report.failure).toMatch(/^24 customer cancelled/);
  });

  it('refuses a badly signed notification, answering RspCode 97', async () => {
    const [sent] = await fake.pay(await rail.start(account, attemptOf(70_000n)), { badSignature: true });
    expect(JSON.parse(sent.body)).toEqual({ RspCode: '97', Message: 'Invalid Checksum' });
    expect(receiver.readings.at(-1)).toMatchObject({ verified: false, reason: 'bad-signature' });
  });

  it('reports a correctly signed notification of another amount as it is, so the service sees the mismatch', async () => {
    const attempt = attemptOf(90_000n);
    const [sent] = await fake.pay(await rail.start(account, attempt), { notifiedAmount: 9_000n });
    expect(receiver.readings.at(-1)).toMatchObject({
      verified: true,
      report: { outcome: 'succeeded', amount: 9_000n },
    });
    expect(rspCode(sent.body)).toBe('04');
  });

  it('gives a notification sent twice, and resent, the same dedupe key', async () => {
    const started = await rail.start(account, attemptOf(20_000n));
    const sent = await fake.pay(started, { notifications: 2 });
    const resent = await fake.resend(started);
    const [first, second, third] = receiver.readings.slice(-3);
    expect(first.verified && second.verified && third.verified).toBe(true);
    const keys = [first, second, third].map((reading) => (reading.verified ? reading.dedupeKey : null));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9]+:\d+:00:00$/);
    expect([...sent, resent].map((answer) => rspCode(answer.body))).toEqual(['00', '02', '02']);
  });

  it('finds by querydr a payment whose notification was lost', async () => {
    const attempt = attemptOf(120_000n);
    const readingsBefore = receiver.readings.length;
    expect(await fake.pay(await rail.start(account, attempt), { notifications: 0 })).toEqual([]);
    expect(receiver.readings).toHaveLength(readingsBefore);
    const queries = fake.calls('query');

    const report = await rail.query(account, queryOf(attempt));

    expect(fake.calls('query')).toBe(queries + 1);
    expect(report).toMatchObject({
      orderReference: attempt.orderReference,
      outcome: 'succeeded',
      amount: 120_000n,
      currency: 'VND',
      providerTransactionId: expect.stringMatching(/^\d+$/) as string,
    });
  });

  it('answers not-found for an order VNPay has never seen, and pending for one the payer has not finished', async () => {
    expect(await rail.query(account, queryOf(attemptOf(10_000n)))).toMatchObject({ outcome: 'not-found' });

    const onPage = attemptOf(10_000n);
    const started = await rail.start(account, onPage);
    await fetch(started.redirectUrl ?? '');
    expect(await rail.query(account, queryOf(onPage))).toMatchObject({ outcome: 'pending', amount: null });
  });

  it('refunds part, then the rest, and refuses a refund beyond what was paid', async () => {
    const { attempt, transactionNo } = await paid(100_000n);
    const refundOf = (amount: bigint, full = false) => ({
      refundReference: randomBytes(12).toString('hex'),
      attempt: queryOf(attempt, transactionNo),
      amount,
      currency: 'VND',
      full,
      reason: 'Khách hàng yêu cầu hoàn tiền (một phần)!',
      requestedBy: 'admin@agency.example',
      requestedAt: new Date(),
    });
    const refunds = fake.calls('refund');

    expect(await rail.refund(account, refundOf(40_000n))).toMatchObject({ outcome: 'succeeded', failure: null });
    await expect(rail.refund(account, refundOf(70_000n))).rejects.toMatchObject({ rail: 'vnpay', code: '03' });
    expect(await rail.refund(account, refundOf(60_000n))).toMatchObject({ outcome: 'succeeded' });
    await expect(rail.refund(account, refundOf(1_000n))).rejects.toBeInstanceOf(RailRefusedError);
    expect(fake.calls('refund')).toBe(refunds + 4);
  });

  it('refunds a whole payment at once (vnp_TransactionType 02)', async () => {
    const { attempt, transactionNo } = await paid(80_000n);
    const report = await rail.refund(account, {
      refundReference: randomBytes(12).toString('hex'),
      attempt: queryOf(attempt, transactionNo),
      amount: 80_000n,
      currency: 'VND',
      full: true,
      reason: 'Huy goi',
      requestedBy: 'admin',
      requestedAt: new Date(),
    });
    expect(report).toMatchObject({ outcome: 'succeeded', providerRefundId: expect.stringMatching(/^\d+$/) as string });
  });

  it('names each credential field it refuses', () => {
    expect(fieldsOf(() => rail.checkCredentials({ tmnCode: 'ABC', hashSecret: 'short' }))).toEqual([
      'credentials.tmnCode',
      'credentials.hashSecret',
    ]);
    expect(fieldsOf(() => rail.checkCredentials({ tmnCode: 'ABCD1234' }))).toEqual(['credentials.hashSecret']);
    expect(fieldsOf(() => rail.checkCredentials({ ...fake.merchant(), secretKey: 'x' }))).toEqual([
      'credentials.secretKey',
    ]);
    expect(rail.checkCredentials({ tmnCode: ' ABCD1234 ', hashSecret: 'A'.repeat(32) })).toEqual({
      credentials: { tmnCode: 'ABCD1234', hashSecret: 'A'.repeat(32) },
      merchantId: 'ABCD1234',
    });
  });

  it('refuses an unknown bank code, naming method, and sends a documented one inside the signed URL', async () => {
    expect(await refusedFields(() => rail.start(account, attemptOf(10_000n, { method: 'NOTABANK' })))).toEqual([
      'method',
    ]);

    const started = await rail.start(account, attemptOf(10_000n, { method: 'VNBANK' }));
    expect(new URL(started.redirectUrl ?? '').searchParams.get('vnp_BankCode')).toBe('VNBANK');
    const [sent] = await fake.pay(started);
    expect(rspCode(sent.body)).toBe('00');
  });

  it("shows VNPay's error page for a URL signed with another secret", async () => {
    const other = { ...account, credentials: { ...account.credentials, hashSecret: 'B'.repeat(32) } };
    const started = await rail.start(other, attemptOf(10_000n));
    await expect(fake.pay(started)).rejects.toThrow(/Sai chữ ký/);
  });
});
