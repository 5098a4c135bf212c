import {
  PaymentAttemptView,
  PaymentFailed,
  PaymentSucceeded,
  PaymentView,
  SavedTokenListResponse,
  SavedTokenView,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { AttemptStatusSchedule } from '../apps/payments/src/status-queries/attempt-status.schedule';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

const PAYER = 'an@example.vn';

describe('saved wallets: a renewal charged without the payer (MoMo tokenization)', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let momo: FakeMomo;
  let sequence = 0;

  beforeAll(async () => {
    momo = await startFakeMomo();
    suite = await TestSuite.start(['gateway', 'payments', 'finance'], { PAYMENT_RAIL_URLS: `momo=${momo.url}` });
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await momo?.close();
  });

  async function agencyOnMomo(): Promise<TestAgency> {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    await eventually(async () => {
      const response = await agency.api.put('/v1/payments/accounts/momo', {
        environment: 'sandbox',
        enabled: true,
        savesWallets: true,
        credentials: momo.merchant(),
      });
      if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    });
    return agency;
  }

  async function askForPayment(agency: TestAgency, overrides: Record<string, unknown> = {}): Promise<PaymentView> {
    sequence += 1;
    const response = await agency.api.post<PaymentView>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'direct', reference: `renewal-${sequence}`, description: 'Gia hạn gói đọc 1 tháng' },
      buyer: { name: 'Nguyễn Văn An', email: PAYER, phone: null, taxCode: null, address: null },
      lines: [
        { description: 'Gói đọc 1 tháng', quantity: 1, amount: '90000', vatRateBasisPoints: 1000, vatAmount: '9000' },
      ],
      returnUrl: 'https://bao.example.vn/cam-on',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function payByLink(payment: PaymentView): Promise<PaymentAttemptView> {
    const link = new URL(payment.payPageUrl);
    const attempt = await api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    return attempt.body;
  }

  /** The payer's first payment binds their wallet; answers the wallet saved. */
  async function savedWalletOf(agency: TestAgency, payerKey = PAYER): Promise<SavedTokenView> {
    const first = await askForPayment(agency, { saveTokenFor: payerKey });
    const [answer] = await momo.pay(await payByLink(first));
    expect(answer.status).toBe(204);
    const listed = await agency.api.get<SavedTokenListResponse>(
      `/v1/payments/saved-tokens?payerKey=${encodeURIComponent(payerKey)}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    return listed.body.items[0];
  }

  const charge = (agency: TestAgency, paymentId: string, savedTokenId: string) =>
    agency.api.post<PaymentView>(`/v1/payments/payments/${paymentId}/saved-token-charges`, { savedTokenId });

  const eventsOf = async (subject: string, paymentId: string) =>
    (await probe.published<{ paymentId: string }>(subject)).filter((e) => e.data.paymentId === paymentId);

  it('binds the wallet with a first payment and keeps its token out of every answer and event', async () => {
    const agency = await agencyOnMomo();
    const wallet = await savedWalletOf(agency);
    expect(wallet).toMatchObject({ rail: 'momo', payerKey: PAYER, status: 'active', label: 'Ví MoMo' });
    expect(momo.boundWallets()).toEqual([expect.objectContaining({ active: true })]);
    expect(momo.boundWallets()[0].partnerClientId).not.toContain('example');

    const renewal = await askForPayment(agency);
    const charged = await charge(agency, renewal.id, wallet.id);
    expect(charged.status).toBe(200);
    const secrets = momo.issuedSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    const answers = [
      JSON.stringify(charged.body),
      JSON.stringify((await agency.api.get('/v1/payments/saved-tokens')).body),
      JSON.stringify((await agency.api.get(`/v1/payments/payments/${wallet.savedByPaymentId}`)).body),
      JSON.stringify((await agency.api.get('/v1/payments/payments')).body),
    ];
    await eventually(async () => expect(await eventsOf(PaymentSucceeded.subject, renewal.id)).toHaveLength(1));
    const events = JSON.stringify(await probe.published('evt.payments.>'));
    for (const secret of secrets) {
      for (const answer of answers) expect(answer).not.toContain(secret);
      expect(events).not.toContain(secret);
    }
  });

  it('charges a second payment to the saved wallet without the payer: paid, succeeded once, booked once', async () => {
    const agency = await agencyOnMomo();
    const wallet = await savedWalletOf(agency);
    const renewal = await askForPayment(agency);
    const charged = await charge(agency, renewal.id, wallet.id);
    expect(charged.body).toMatchObject({
      status: 'succeeded',
      attempts: [{ rail: 'momo', status: 'succeeded', redirectUrl: null, qrCode: null }],
    });
    // MoMo's IPN of the charge arrived too; asked again, the payment is answered as it is, not charged again.
    const again = await charge(agency, renewal.id, wallet.id);
    expect([again.status, again.body.attempts]).toEqual([200, charged.body.attempts]);
    expect(momo.callsTo('tokenPay')).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect(await eventsOf(PaymentSucceeded.subject, renewal.id)).toHaveLength(1));
    const booked = await eventually(async () => {
      const found = (await journalOf(agency)).filter((e) => e.sourceKey === `payment-succeeded:${renewal.id}`);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(booked[0].postings.map((p) => [p.accountCode, p.amount])).toEqual(
      expect.arrayContaining([
        ['1110', '99000'],
        ['2400', '-99000'],
      ]),
    );
    const used = await agency.api.get<SavedTokenListResponse>('/v1/payments/saved-tokens');
    expect(used.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('fails a declined charge and leaves the payment open for its pay link', async () => {
    const agency = await agencyOnMomo();
    const wallet = await savedWalletOf(agency);
    const renewal = await askForPayment(agency);
    momo.planTokenCharge({ outcome: 'declined' });
    const declined = await charge(agency, renewal.id, wallet.id);
    expect(declined.body).toMatchObject({ status: 'open', attempts: [{ status: 'failed' }] });
    expect(declined.body.attempts[0].failure).toContain('1001');
    await eventually(async () => expect(await eventsOf(PaymentFailed.subject, renewal.id)).toHaveLength(1));
    // The reader can still pay by the link.
    await momo.pay(await payByLink(renewal));
    const paid = await agency.api.get<PaymentView>(`/v1/payments/payments/${renewal.id}`);
    expect(paid.body.status).toBe('succeeded');
    await eventually(async () => expect(await eventsOf(PaymentSucceeded.subject, renewal.id)).toHaveLength(1));
  });

  it('refuses a revoked wallet, and MoMo is asked to unbind it', async () => {
    const agency = await agencyOnMomo();
    const wallet = await savedWalletOf(agency);
    const revoked = await agency.api.post<SavedTokenView>(`/v1/payments/saved-tokens/${wallet.id}/revoke`, undefined);
    expect([revoked.status, revoked.body.status]).toEqual([200, 'revoked']);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(momo.boundWallets()).toContainEqual(expect.objectContaining({ active: false }));
    const renewal = await askForPayment(agency);
    const calls = momo.callsTo('tokenPay');
    const refused = await charge(agency, renewal.id, wallet.id);
    expect(refused.status).toBe(409);
    expect(momo.callsTo('tokenPay')).toBe(calls);
    expect((await agency.api.get<PaymentView>(`/v1/payments/payments/${renewal.id}`)).body).toMatchObject({
      status: 'open',
      attempts: [],
    });
  });

  it("answers 404 for another agency's wallet, and charges nothing", async () => {
    const [owner, intruder] = [await agencyOnMomo(), await agencyOnMomo()];
    const wallet = await savedWalletOf(owner);
    const renewal = await askForPayment(intruder);
    const calls = momo.callsTo('tokenPay');
    expect((await charge(intruder, renewal.id, wallet.id)).status).toBe(404);
    expect((await intruder.api.post(`/v1/payments/saved-tokens/${wallet.id}/revoke`, undefined)).status).toBe(404);
    expect((await intruder.api.get<SavedTokenListResponse>('/v1/payments/saved-tokens')).body.items).toEqual([]);
    expect(momo.callsTo('tokenPay')).toBe(calls);
    const kept = await owner.api.get<SavedTokenListResponse>('/v1/payments/saved-tokens');
    expect(kept.body.items).toEqual([expect.objectContaining({ id: wallet.id, status: 'active' })]);
  });

  it('settles a charge whose answer was lost by asking MoMo, once, and its late IPN changes nothing', async () => {
    const agency = await agencyOnMomo();
    const wallet = await savedWalletOf(agency);
    const renewal = await askForPayment(agency);
    momo.planTokenCharge({ answerLost: true, ipn: 'late' });
    const lost = await charge(agency, renewal.id, wallet.id);
    expect(lost.status).toBe(503);
    // Asked again while the charge is in flight: answered as it stands, not charged twice.
    const calls = momo.callsTo('tokenPay');
    const inFlight = await charge(agency, renewal.id, wallet.id);
    expect(inFlight.body).toMatchObject({ status: 'open', attempts: [{ status: 'started' }] });
    expect(momo.callsTo('tokenPay')).toBe(calls);

    await suite
      .instances('payments')[0]
      .get(AttemptStatusSchedule)
      .queryDue(new Date(Date.now() + 10 * 60_000));
    expect((await agency.api.get<PaymentView>(`/v1/payments/payments/${renewal.id}`)).body).toMatchObject({
      status: 'succeeded',
      attempts: [{ status: 'succeeded' }],
    });
    const [late] = await momo.sendLateIpns();
    expect(late.status).toBe(204);
    await eventually(async () => expect(await eventsOf(PaymentSucceeded.subject, renewal.id)).toHaveLength(1));
  });

  it('answers a charge MoMo makes without notifying it from its answer alone', async () => {
    const agency = await agencyOnMomo();
    const wallet = await savedWalletOf(agency);
    const renewal = await askForPayment(agency);
    momo.planTokenCharge({ ipn: 'none' });
    expect((await charge(agency, renewal.id, wallet.id)).body.status).toBe('succeeded');
    await eventually(async () => expect(await eventsOf(PaymentSucceeded.subject, renewal.id)).toHaveLength(1));
  });

  it('saves no wallet for a payment that did not ask to', async () => {
    const agency = await agencyOnMomo();
    const payment = await askForPayment(agency);
    await momo.pay(await payByLink(payment));
    expect((await agency.api.get<PaymentView>(`/v1/payments/payments/${payment.id}`)).body.status).toBe('succeeded');
    expect((await agency.api.get<SavedTokenListResponse>('/v1/payments/saved-tokens')).body.items).toEqual([]);
  });
});
