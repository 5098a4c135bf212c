import { randomUUID } from 'node:crypto';
import {
  CreatedGiftView,
  EntitlementChangedEvent,
  EntitlementsView,
  GiftRailCheckoutView,
  GiftView,
  PaymentAttemptView,
  PaymentLeftUnappliedEvent,
  PaymentView,
  RecognitionScheduleListResponse,
  WaitingEventListResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { GiftExpirySchedule } from '../apps/subscriptions/src/gifts/gift-expiry.schedule';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { paymentRefunded, paymentSucceeded, TestPayment } from './support/payment-events';
import { configureRailAccount } from './support/rail-accounts';
import { createMonthlyPlan, linkStripe, MonthlyPlan } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

const RETURN_URL = 'https://tinnhanh.vn/qua-tang/cam-on';
const LEFT_UNAPPLIED = 'evt.subscriptions.payment.left-unapplied.v1';

interface Problem {
  detail?: string;
}

interface BoughtGift {
  agency: TestAgency;
  plan: MonthlyPlan;
  gift: GiftView;
  paymentId: string;
  claimCode: string;
}

describe('gifts bought on a rail whose payment is refunded', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let momo: FakeMomo;
  let gatewayUrl: string;
  let readers = 0;

  beforeAll(async () => {
    [momo, stripe] = await Promise.all([startFakeMomo(), startFakeStripe()]);
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${momo.url}`,
    });
    gatewayUrl = await suite.gatewayUrl();
    api = new Api(gatewayUrl);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await Promise.all([momo, stripe].map((fake) => fake?.close()));
  });

  /** An agency selling on MoMo, and a purchase of 3 months for 297,000 VND (VAT 27,000 inside), not paid yet. */
  async function openedPurchase(): Promise<{ agency: TestAgency; plan: MonthlyPlan; opened: GiftRailCheckoutView }> {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2020-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
    await configureRailAccount(agency, momo);
    const plan = await createMonthlyPlan(agency);
    const opened = await agency.api.post<GiftRailCheckoutView>('/v1/subscriptions/gift-rail-checkouts', {
      planId: plan.planId,
      months: 3,
      purchaserEmail: 'mua.qua@example.vn',
      rails: ['momo'],
      returnUrl: RETURN_URL,
    });
    expect(opened.status).toBe(201);
    return { agency, plan, opened: opened.body };
  }

  /** The purchase opened and paid, and the gift's code shown to the purchaser. */
  async function boughtGift(): Promise<BoughtGift> {
    const { agency, plan, opened } = await openedPurchase();
    const link = new URL(opened.payPageUrl);
    const attempt = await api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    await momo.pay(attempt.body, { notifications: 2 });
    const revealed = await eventually(async () => {
      const answer = await agency.api.post<CreatedGiftView>(
        `/v1/subscriptions/gift-rail-checkouts/${opened.giftPurchaseId}/claim-code`,
        { purchaserSecret: opened.purchaserSecret },
      );
      expect(answer.status).toBe(200);
      return answer.body;
    });
    // The purchase is in the books (its refund is booked against it).
    await eventually(async () =>
      expect((await journalOf(agency)).map((e) => e.sourceKey)).toContain(`gift-purchased:${revealed.gift.id}`),
    );
    return { agency, plan, gift: revealed.gift, paymentId: opened.paymentId, claimCode: revealed.claimCode };
  }

  const giftOf = async (agency: TestAgency, id: string) =>
    (await agency.api.get<GiftView>(`/v1/subscriptions/gifts/${id}`)).body;

  const refund = async (agency: TestAgency, paymentId: string, amount?: string) => {
    const answer = await agency.api.post<PaymentView>(`/v1/payments/payments/${paymentId}/refunds`, {
      ...(amount ? { amount } : {}),
      reason: 'người mua đổi ý',
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  const redeem = (agency: TestAgency, claimCode: string, readerId: string) =>
    agency.api.post<Problem & { until: string }>('/v1/subscriptions/gifts/redeem', { code: claimCode, readerId });

  const entitlementKeys = async (agency: TestAgency, readerId: string) =>
    (
      await agency.api.get<EntitlementsView>(`/v1/subscriptions/entitlements?readerId=${readerId}`)
    ).body.entitlements.map((grant) => grant.key);

  async function scheduleOf(agency: TestAgency, giftId: string) {
    const page = await agency.api.get<RecognitionScheduleListResponse>('/v1/finance/recognition-schedules?limit=100');
    return page.body.items.find((s) => s.source === `gift:${giftId}`);
  }

  const waitingOf = async (agency: TestAgency) =>
    (await agency.api.get<WaitingEventListResponse>('/v1/finance/waiting-events')).body.items;

  it('refunded in full before it is redeemed, the gift cannot be redeemed, and the books give everything back', async () => {
    const { agency, gift, paymentId, claimCode } = await boughtGift();
    expect(gift.status).toBe('unredeemed');
    expect(await refund(agency, paymentId)).toMatchObject({ status: 'refunded', refundedAmount: '297000' });

    const refunded = await eventually(async () => {
      const current = await giftOf(agency, gift.id);
      expect(current.status).toBe('refunded');
      return current;
    });
    expect(refunded.refundedAt).toEqual(expect.any(String));
    expect(refunded.redeemedAt).toBeNull();

    const readerId = `nguoi-nhan-${++readers}`;
    const refused = await redeem(agency, claimCode, readerId);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('refunded to its purchaser');
    expect(await entitlementKeys(agency, readerId)).toEqual([]);
    // The gift page says why, and offers no form.
    const page = await new Api(gatewayUrl).get<string>(`/gift/${claimCode}`);
    expect(page.status).toBe(410);
    expect(page.body).toContain('Gift refunded');
    expect(page.body).toContain('can no longer be redeemed');
    expect(page.body).not.toContain('<form');
    // Staff cannot give it a new code either.
    const reissue = await agency.api.post<Problem>(`/v1/subscriptions/gifts/${gift.id}/reissue-code`, {});
    expect(reissue.status).toBe(409);
    expect(reissue.body.detail).toContain('refunded to its purchaser');

    // Nothing is left to break when its redemption deadline passes.
    await suite
      .instances('subscriptions')[0]
      .get(GiftExpirySchedule)
      .expireDue(new Date(Date.now() + 400 * 86_400_000));
    expect((await giftOf(agency, gift.id)).status).toBe('refunded');
    expect(
      (await probe.published<{ giftId: string }>('evt.subscriptions.gift.expired.v1')).filter(
        (e) => e.data.giftId === gift.id,
      ),
    ).toEqual([]);

    // VAT and deferred revenue given back from the clearing: nothing is left in the books.
    await eventually(async () => expect(await balancesIn(agency, 'VND')).toEqual({}));
    expect(await scheduleOf(agency, gift.id)).toMatchObject({ refunds: '297000', remaining: '0' });
    expect(await waitingOf(agency)).toEqual([]);
  });

  it('refunded in full after it was redeemed, the reader loses its product at once', async () => {
    const { agency, gift, paymentId, claimCode } = await boughtGift();
    const readerId = `nguoi-nhan-${++readers}`;
    const redeemed = await redeem(agency, claimCode, readerId);
    expect(redeemed.status).toBe(200);
    expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);

    await refund(agency, paymentId);
    const refunded = await eventually(async () => {
      const current = await giftOf(agency, gift.id);
      expect(current.status).toBe('refunded');
      return current;
    });
    expect(refunded.redeemedAt).toEqual(expect.any(String));
    expect(refunded.redeemedUntil).toBe(refunded.refundedAt);
    expect(new Date(refunded.redeemedUntil!).getTime()).toBeLessThan(new Date(redeemed.body.until).getTime());
    expect(await entitlementKeys(agency, readerId)).toEqual([]);
    // The paywall hears it: the reader's entitlements are published again, empty.
    await eventually(async () => {
      const changes = (await probe.published<EntitlementChangedEvent>('evt.subscriptions.entitlement.changed.v1'))
        .filter((e) => e.tenantId === agency.tenantId && e.data.readerKey === `reader:${readerId}`)
        .map((e) => e.data);
      expect(changes.at(-1)).toMatchObject({ entitlements: [], version: 2 });
    });
    // The refund gave back the gift's VAT and what was still deferred: nothing is left in the books.
    await eventually(async () => expect(await balancesIn(agency, 'VND')).toEqual({}));
    expect(await waitingOf(agency)).toEqual([]);
  });

  /** PaymentRefunded events subscriptions' consumer has processed (every agency), from its metrics. */
  async function refundsTakenBySubscriptions(): Promise<number> {
    const texts = await Promise.all(
      suite
        .instances('subscriptions')
        .map(async (app) =>
          fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
        ),
    );
    const processed =
      /events_consumed_total\{consumer="subscriptions__evt_payments_payment_refunded[^"]*",outcome="processed"[^}]*\} (\d+)/g;
    return [...texts.join('\n').matchAll(processed)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  it('refunded in part, the gift stays: it is redeemed and entitles as bought', async () => {
    const { agency, gift, paymentId, claimCode } = await boughtGift();
    const takenBefore = await refundsTakenBySubscriptions();
    expect(await refund(agency, paymentId, '97000')).toMatchObject({
      status: 'partially-refunded',
      refundedAmount: '97000',
    });
    // Subscriptions took the refund (processed, not failed), and finance booked it against the gift.
    await eventually(async () => expect(await refundsTakenBySubscriptions()).toBeGreaterThan(takenBefore));
    await eventually(async () => expect((await scheduleOf(agency, gift.id))?.refunds).toBe('97000'));
    expect(await giftOf(agency, gift.id)).toMatchObject({ status: 'unredeemed', refundedAt: null });
    const readerId = `nguoi-nhan-${++readers}`;
    const redeemed = await redeem(agency, claimCode, readerId);
    expect(redeemed.status).toBe(200);
    expect(await entitlementKeys(agency, readerId)).toEqual(['ad-free', 'premium-articles']);
    expect(await giftOf(agency, gift.id)).toMatchObject({ status: 'redeemed', redeemedUntil: redeemed.body.until });
  });

  it('refunded in full before its payment reaches subscriptions, no gift is made and the payment is left unapplied', async () => {
    const { agency, opened } = await openedPurchase();
    // As payments publishes them, the refund taken by subscriptions before the payment (each event has its own consumer).
    const payment: TestPayment = {
      tenantId: agency.tenantId,
      paymentId: opened.paymentId,
      attemptId: randomUUID(),
      rail: 'momo',
      stream: 'gifts',
      reference: opened.giftPurchaseId,
      currency: 'VND',
      amount: 297_000n,
    };
    const paidAt = new Date().toISOString();
    const takenBefore = await refundsTakenBySubscriptions();
    await probe.publish(paymentRefunded(payment, { amount: 297_000n, refundedTotal: 297_000n, refundedAt: paidAt }));
    await eventually(async () => expect(await refundsTakenBySubscriptions()).toBeGreaterThan(takenBefore));
    await probe.publish(paymentSucceeded(payment, paidAt));

    const [left] = await eventually(async () => {
      const found = (await probe.published<PaymentLeftUnappliedEvent>(LEFT_UNAPPLIED)).filter(
        (e) => e.data.paymentId === payment.paymentId,
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(left.data).toMatchObject({
      stream: 'gifts',
      giftPurchaseId: opened.giftPurchaseId,
      amount: '297000',
      reason: 'the payment was refunded in full before it made the gift',
    });
    expect((await agency.api.get<{ items: GiftView[] }>('/v1/subscriptions/gifts')).body.items).toEqual([]);
    const claim = await agency.api.post<Problem>(
      `/v1/subscriptions/gift-rail-checkouts/${opened.giftPurchaseId}/claim-code`,
      { purchaserSecret: opened.purchaserSecret },
    );
    expect(claim.status).toBe(409);
    expect(claim.body.detail).toContain('refunded to its purchaser');
    // Finance took the money, held it as unapplied receipts and gave it back: nothing is left, nothing waits.
    await eventually(async () => {
      expect((await journalOf(agency)).map((e) => e.sourceKey)).toContain(`payment-unapplied:${payment.paymentId}`);
      expect(await balancesIn(agency, 'VND')).toEqual({});
      expect(await waitingOf(agency)).toEqual([]);
    });
  });
});
