import {
  PaymentAccountView,
  PaymentAttemptView,
  PaymentRailName,
  PaymentSucceeded,
  PaymentView,
  PaymentRefunded,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { DuplicatePaymentReturns } from '../apps/payments/src/refunds/duplicate-payment-returns';
import { AttemptStatusSchedule } from '../apps/payments/src/status-queries/attempt-status.schedule';
import { startFakeMomo } from './momo-fake/fake-momo';
import { startFakePayos } from './payos-fake/fake-payos';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { NotificationSent, RailFake } from './support/rail-fake';
import { TestSuite } from './support/test-suite';
import { startFakeVnpay } from './vnpay-fake/fake-vnpay';

const CLEARING: Record<PaymentRailName, string> = { momo: '1110', vnpay: '1120', payos: '1130' };
const RAILS: PaymentRailName[] = ['momo', 'vnpay', 'payos'];

/** What each rail's notification answer says when the payment service accepted it. */
function accepted(rail: PaymentRailName, answer: NotificationSent): boolean {
  if (rail === 'momo') return answer.status === 204;
  if (rail === 'vnpay')
    return answer.status === 200 && (JSON.parse(answer.body) as { RspCode: string }).RspCode === '00';
  return answer.status === 200 && (JSON.parse(answer.body) as { success: boolean }).success === true;
}

describe('payments on the Vietnamese rails, end to end', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  const fakes = {} as Record<PaymentRailName, RailFake>;
  let sequence = 0;

  beforeAll(async () => {
    [fakes.momo, fakes.vnpay, fakes.payos] = await Promise.all([startFakeMomo(), startFakeVnpay(), startFakePayos()]);
    suite = await TestSuite.start(['gateway', 'payments', 'finance'], {
      PAYMENT_RAIL_URLS: RAILS.map((rail) => `${rail}=${fakes[rail].url}`).join(','),
    });
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
  });

  /** An agency with an account on the rail, set up as its admin would, through the gateway. */
  async function agencyOn(rail: PaymentRailName): Promise<{ agency: TestAgency; account: PaymentAccountView }> {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    return { agency, account: await addRail(agency, rail) };
  }

  async function addRail(agency: TestAgency, rail: PaymentRailName): Promise<PaymentAccountView> {
    const credentials = fakes[rail].merchant();
    const configured = await eventually(async () => {
      const response = await agency.api.put<PaymentAccountView>(`/v1/payments/accounts/${rail}`, {
        environment: 'sandbox',
        enabled: true,
        credentials,
      });
      if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    });
    expect(JSON.stringify(configured)).not.toContain(Object.values(credentials).at(-1));
    fakes[rail].setNotificationUrl(credentials, configured.notificationUrl);
    return configured;
  }

  async function askForPayment(agency: TestAgency, overrides: Record<string, unknown> = {}): Promise<PaymentView> {
    sequence += 1;
    const response = await agency.api.post<PaymentView>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'direct', reference: `order-${sequence}`, description: 'Gói đọc báo điện tử 1 tháng' },
      buyer: { name: 'Nguyễn Văn An', email: 'an@example.vn', phone: null, taxCode: null, address: null },
      lines: [
        { description: 'Gói đọc 1 tháng', quantity: 1, amount: '90000', vatRateBasisPoints: 1000, vatAmount: '9000' },
      ],
      returnUrl: 'https://bao.example.vn/cam-on',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** The payer opens the pay link and picks the rail, as the hosted page does. */
  async function startAttempt(payment: PaymentView, rail: PaymentRailName, token?: string) {
    const link = new URL(payment.payPageUrl);
    return api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: token ?? link.searchParams.get('token'),
      rail,
      locale: 'vi',
    });
  }

  const paymentOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<PaymentView>(`/v1/payments/payments/${id}`)).body;

  const succeededEventsOf = async (paymentId: string) =>
    (await probe.published<{ paymentId: string }>(PaymentSucceeded.subject)).filter(
      (e) => e.data.paymentId === paymentId,
    );

  describe.each(RAILS)('on %s', (rail) => {
    it('takes a payment: the payer pays, the rail notifies three times, it is paid and booked once', async () => {
      const { agency } = await agencyOn(rail);
      const payment = await askForPayment(agency);
      expect(payment).toMatchObject({ status: 'open', amount: '99000', currency: 'VND', rails: [rail] });
      const attempt = await startAttempt(payment, rail);
      expect(attempt.status).toBe(200);
      expect(attempt.body.redirectUrl ?? attempt.body.qrCode).toBeTruthy();

      const answers = await fakes[rail].pay(attempt.body, { notifications: 3 });
      expect(answers).toHaveLength(3);
      expect(accepted(rail, answers[0])).toBe(true);

      const paid = await paymentOf(agency, payment.id);
      expect(paid).toMatchObject({ status: 'succeeded', attempts: [{ rail, status: 'succeeded' }] });
      await eventually(async () => expect(await succeededEventsOf(payment.id)).toHaveLength(1));
      const entry = await eventually(async () => {
        const found = (await journalOf(agency)).filter((e) => e.sourceKey === `payment-succeeded:${payment.id}`);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(entry.postings.map((p) => [p.accountCode, p.amount])).toEqual(
        expect.arrayContaining([
          [CLEARING[rail], '99000'],
          ['2400', '-99000'],
        ]),
      );
    });

    it('never marks paid what the rail reports for another amount', async () => {
      const { agency } = await agencyOn(rail);
      const payment = await askForPayment(agency);
      const attempt = (await startAttempt(payment, rail)).body;
      const [answer] = await fakes[rail].pay(attempt, { notifiedAmount: 9_900n });
      if (rail === 'vnpay') expect(JSON.parse(answer.body)).toMatchObject({ RspCode: '04' });
      const after = await paymentOf(agency, payment.id);
      expect(after.status).toBe('open');
      expect(after.attempts[0]).toMatchObject({
        status: 'failed',
        failure: expect.stringContaining('amount mismatch'),
      });
      expect(await succeededEventsOf(payment.id)).toHaveLength(0);
    });

    it('refuses a badly signed notification and changes nothing', async () => {
      const { agency } = await agencyOn(rail);
      const payment = await askForPayment(agency);
      const attempt = (await startAttempt(payment, rail)).body;
      const [answer] = await fakes[rail].pay(attempt, { badSignature: true });
      if (rail === 'vnpay') expect(JSON.parse(answer.body)).toMatchObject({ RspCode: '97' });
      else expect(answer.status).toBe(400);
      expect((await paymentOf(agency, payment.id)).attempts[0].status).toBe('started');
    });

    it('settles a payment whose notification was lost by asking the rail', async () => {
      const { agency } = await agencyOn(rail);
      const payment = await askForPayment(agency);
      const attempt = (await startAttempt(payment, rail)).body;
      expect(await fakes[rail].pay(attempt, { notifications: 0 })).toEqual([]);
      expect((await paymentOf(agency, payment.id)).status).toBe('open');

      const statusJob = suite.instances('payments')[0].get(AttemptStatusSchedule);
      await statusJob.queryDue(new Date(Date.now() + 10 * 60_000));
      expect(await paymentOf(agency, payment.id)).toMatchObject({ status: 'succeeded' });
      await eventually(async () => expect(await succeededEventsOf(payment.id)).toHaveLength(1));
      // The notification that comes late, after the repair, changes nothing more.
      await fakes[rail].resend(attempt);
      expect(await succeededEventsOf(payment.id)).toHaveLength(1);
    });
  });

  it.each(['momo', 'vnpay'] as const)('refunds part of a %s payment, then the rest, and no more', async (rail) => {
    const { agency } = await agencyOn(rail);
    const payment = await askForPayment(agency);
    await fakes[rail].pay((await startAttempt(payment, rail)).body);
    const partly = await agency.api.post<PaymentView>(`/v1/payments/payments/${payment.id}/refunds`, {
      amount: '40000',
      reason: 'đổi gói',
    });
    expect([partly.status, partly.body]).toEqual([200, expect.objectContaining({ id: payment.id })]);
    expect(partly.body).toMatchObject({ status: 'partially-refunded', refundedAmount: '40000' });
    const tooMuch = await agency.api.post(`/v1/payments/payments/${payment.id}/refunds`, {
      amount: '60000',
      reason: 'x',
    });
    expect(tooMuch.status).toBe(400);
    expect(JSON.stringify(tooMuch.body)).toContain('amount');
    const rest = await agency.api.post<PaymentView>(`/v1/payments/payments/${payment.id}/refunds`, { reason: 'hủy' });
    expect(rest.body).toMatchObject({ status: 'refunded', refundedAmount: '99000' });
    await eventually(async () => {
      const refunds = (await probe.published<{ paymentId: string; amount: string }>(PaymentRefunded.subject)).filter(
        (e) => e.data.paymentId === payment.id,
      );
      expect(refunds.map((e) => e.data.amount)).toEqual(['40000', '59000']);
    });
    expect(fakes[rail].calls('refund')).toBeGreaterThanOrEqual(2);
  });

  it('sends back a second payment of one payment, on its rail, and books one', async () => {
    const { agency } = await agencyOn('momo');
    await addRail(agency, 'vnpay');
    const payment = await askForPayment(agency);
    expect(payment.rails.sort()).toEqual(['momo', 'vnpay']);
    const [onMomo, onVnpay] = [(await startAttempt(payment, 'momo')).body, (await startAttempt(payment, 'vnpay')).body];
    await fakes.momo.pay(onMomo);
    const refundsBefore = fakes.vnpay.calls('refund');
    await fakes.vnpay.pay(onVnpay);
    const paid = await paymentOf(agency, payment.id);
    expect(paid.status).toBe('succeeded');
    expect(paid.attempts.map((a) => [a.rail, a.status])).toEqual([
      ['momo', 'succeeded'],
      ['vnpay', 'succeeded'],
    ]);
    await suite.instances('payments')[0].get(DuplicatePaymentReturns).returnDue();
    expect(fakes.vnpay.calls('refund')).toBe(refundsBefore + 1);
    await eventually(async () => expect(await succeededEventsOf(payment.id)).toHaveLength(1));
    // The payment's own refund still has all of it to give back.
    const refund = await agency.api.post<PaymentView>(`/v1/payments/payments/${payment.id}/refunds`, { reason: 'hủy' });
    expect(refund.body).toMatchObject({ status: 'refunded', refundedAmount: '99000' });
  });

  it('says payOS refunds by bank transfer, not by API', async () => {
    const { agency } = await agencyOn('payos');
    const payment = await askForPayment(agency);
    await fakes.payos.pay((await startAttempt(payment, 'payos')).body);
    const refused = await agency.api.post(`/v1/payments/payments/${payment.id}/refunds`, { reason: 'hủy' });
    expect(refused.status).toBe(409);
    expect((await paymentOf(agency, payment.id)).status).toBe('succeeded');
  });

  it('answers the same payment when a stream asks twice for one purpose, and refuses another amount for it', async () => {
    const { agency } = await agencyOn('momo');
    const first = await askForPayment(agency, {
      purpose: { stream: 'direct', reference: 'invoice-7', description: 'x' },
    });
    const again = await askForPayment(agency, {
      purpose: { stream: 'direct', reference: 'invoice-7', description: 'x' },
    });
    expect(again.id).toBe(first.id);
    expect(again.payPageUrl).toBe(first.payPageUrl);
    const other = await agency.api.post('/v1/payments/payments', {
      amount: '1000',
      currency: 'VND',
      purpose: { stream: 'direct', reference: 'invoice-7', description: 'x' },
      buyer: null,
      returnUrl: 'https://bao.example.vn/cam-on',
    });
    expect(other.status).toBe(409);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { agency } = await agencyOn('momo');
    const bad = async (body: Record<string, unknown>, field: string) => {
      const response = await agency.api.post<{ errors?: { field: string }[] }>('/v1/payments/payments', {
        amount: '99000',
        currency: 'VND',
        purpose: { stream: 'direct', reference: `bad-${field}`, description: 'x' },
        buyer: null,
        returnUrl: 'https://bao.example.vn/cam-on',
        ...body,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field).join(' ')).toContain(field);
    };
    await bad({ amount: '99000.5' }, 'amount');
    await bad({ amount: '0' }, 'amount');
    await bad({ currency: 'dong' }, 'currency');
    await bad({ rails: ['bitcoin'] }, 'rails');
    await bad({ rails: ['payos'] }, 'rails');
    await bad({ returnUrl: 'javascript:alert(1)' }, 'returnUrl');
    await bad(
      { lines: [{ description: 'x', quantity: 1, amount: '1000', vatRateBasisPoints: 1000, vatAmount: '100' }] },
      'lines',
    );
    const badAccount = await agency.api.put<{ errors?: { field: string }[] }>('/v1/payments/accounts/momo', {
      environment: 'sandbox',
      enabled: true,
      credentials: { partnerCode: 'MOMO' },
    });
    expect(badAccount.status).toBe(400);
    expect(badAccount.body.errors?.map((e) => e.field).join(' ')).toContain('credentials.');
    const walletsOnVnpay = await agency.api.put<{ errors?: { field: string }[] }>('/v1/payments/accounts/vnpay', {
      environment: 'sandbox',
      enabled: true,
      savesWallets: true,
      credentials: fakes.vnpay.merchant(),
    });
    expect(walletsOnVnpay.status).toBe(400);
    expect(walletsOnVnpay.body.errors?.map((e) => e.field)).toEqual(['savesWallets']);
    const accounts = await agency.api.get<{ items: PaymentAccountView[] }>('/v1/payments/accounts');
    expect(accounts.body.items.map((a) => a.rail)).toEqual(['momo']);
  });

  it('starts no attempt without the pay link token, nor for another agency', async () => {
    const { agency } = await agencyOn('vnpay');
    const { agency: other } = await agencyOn('vnpay');
    const payment = await askForPayment(agency);
    expect((await startAttempt(payment, 'vnpay', 'x'.repeat(43))).status).toBe(404);
    const link = new URL(payment.payPageUrl);
    const foreign = await api.post(`/pay/${other.tenantId}/${payment.id}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'vnpay',
      locale: 'vi',
    });
    expect(foreign.status).toBe(404);
    expect((await other.api.get(`/v1/payments/payments/${payment.id}`)).status).toBe(404);
    expect((await other.api.post(`/v1/payments/payments/${payment.id}/refunds`, { reason: 'x' })).status).toBe(404);
    expect((await paymentOf(agency, payment.id)).attempts).toEqual([]);
  });
});
