import {
  CreatedGiftView,
  EntitlementsView,
  GiftListResponse,
  GiftPurchasedEvent,
  GiftRailCheckoutView,
  GiftRedeemedEvent,
  PaymentAccountView,
  PaymentAttemptView,
  PaymentRailName,
  RecognitionScheduleListResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { addCalendarMonths } from '../apps/subscriptions/src/gifts/calendar-months';
import { startFakeMomo } from './momo-fake/fake-momo';
import { startFakePayos } from './payos-fake/fake-payos';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { RailFake } from './support/rail-fake';
import { createMonthlyPlan, linkStripe, MonthlyPlan } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';
import { configureRailAccount } from './support/rail-accounts';

const CLEARING: Record<'momo' | 'payos', string> = { momo: '1110', payos: '1130' };
const [STRIPE_BALANCE, RECEIVABLE, DEFERRED_REVENUE, VAT_PAYABLE] = ['1100', '1300', '2100', '2200'];
const RETURN_URL = 'https://tinnhanh.vn/qua-tang/cam-on';
const PURCHASED = 'evt.subscriptions.gift.purchased.v1';

interface Problem {
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe('gifts bought on a domestic rail', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let stripe: FakeStripe;
  let gatewayUrl: string;
  const fakes = {} as Record<'momo' | 'payos', RailFake>;

  beforeAll(async () => {
    [fakes.momo, fakes.payos, stripe] = await Promise.all([startFakeMomo(), startFakePayos(), startFakeStripe()]);
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${fakes.momo.url},payos=${fakes.payos.url}`,
    });
    gatewayUrl = await suite.gatewayUrl();
    api = new Api(gatewayUrl);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await Promise.all([...Object.values(fakes), stripe].map((fake) => fake?.close()));
  });

  /** An agency with books, a catalog, 10 % VAT inside its prices, an account on the rail, and a shop page (site key). */
  async function agencyOn(
    rail: 'momo' | 'payos',
  ): Promise<{ agency: TestAgency; plan: MonthlyPlan; shopPage: Api; railAccount: PaymentAccountView }> {
    const agency = await linkStripe(await createFinanceAgency(api, suite.operatorToken), stripe, gatewayUrl);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2020-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
    const railAccount = await configureRailAccount(agency, fakes[rail]);
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: 'tinnhanh.vn',
    });
    expect(site.status).toBe(201);
    const shopPage = new Api(gatewayUrl, { siteKey: site.body.publishableKey });
    return { agency, plan: await createMonthlyPlan(agency), shopPage, railAccount };
  }

  const giftRailCheckout = (page: Api, body: Record<string, unknown>) =>
    page.post<GiftRailCheckoutView & Problem>('/v1/subscriptions/gift-rail-checkouts', body);

  const claimCode = (page: Api, giftPurchaseId: string, purchaserSecret: string) =>
    page.post<CreatedGiftView & Problem>(`/v1/subscriptions/gift-rail-checkouts/${giftPurchaseId}/claim-code`, {
      purchaserSecret,
    });

  /** The payer opens the pay link and picks the rail, as the hosted page does. */
  const startAttempt = (payPageUrl: string, rail: PaymentRailName) => {
    const link = new URL(payPageUrl);
    return api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail,
      locale: 'vi',
    });
  };

  const giftsOf = async (agency: TestAgency) =>
    (await agency.api.get<GiftListResponse>('/v1/subscriptions/gifts')).body.items;

  const published = async <T>(subject: string, giftId: string) =>
    (await probe.published<T>(subject)).filter((e) => e.subject === giftId);

  /** PaymentSucceeded events subscriptions' consumer has processed (every agency), from its metrics. */
  async function paymentsTakenBySubscriptions(): Promise<number> {
    const texts = await Promise.all(
      suite
        .instances('subscriptions')
        .map(async (app) =>
          fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
        ),
    );
    const processed =
      /events_consumed_total\{consumer="subscriptions__evt_payments_payment_succeeded[^"]*",outcome="processed"[^}]*\} (\d+)/g;
    return [...texts.join('\n').matchAll(processed)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  describe.each(['momo', 'payos'] as const)('on %s', (rail) => {
    it('sells 3 months for 297,000 VND, makes one gift once paid, reveals its code once, redeems it, and books the cash once', async () => {
      const { agency, plan, shopPage } = await agencyOn(rail);
      const opened = await giftRailCheckout(shopPage, {
        planId: plan.planId,
        months: 3,
        purchaserEmail: 'Mua.Qua@Example.vn',
        recipientEmail: 'nhan@example.vn',
        message: 'Chúc mừng năm mới!',
        rails: [rail],
        returnUrl: RETURN_URL,
      });
      expect(opened.status).toBe(201);
      const { giftPurchaseId, paymentId, payPageUrl, purchaserSecret } = opened.body;
      expect(opened.body).toMatchObject({ currency: 'VND', amount: '297000', tax: '27000' });
      expect(purchaserSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new URL(payPageUrl).pathname).toBe(`/pay/${agency.tenantId}/${paymentId}`);
      const payment = await agency.api.get(`/v1/payments/payments/${paymentId}`);
      expect(payment.body).toMatchObject({
        amount: '297000',
        currency: 'VND',
        purpose: { stream: 'gifts', reference: giftPurchaseId },
        buyer: { email: 'mua.qua@example.vn' },
        lines: [{ quantity: 1, amount: '270000', vatRateBasisPoints: 1000, vatAmount: '27000' }],
        rails: [rail],
        returnUrl: RETURN_URL,
      });

      // Unpaid: no gift, no code, nothing in the books.
      const early = await claimCode(shopPage, giftPurchaseId, purchaserSecret);
      expect(early.status).toBe(409);
      expect(early.body.detail).toContain('not confirmed yet');
      expect(await giftsOf(agency)).toEqual([]);

      const attempt = await startAttempt(payPageUrl, rail);
      expect(attempt.status).toBe(200);
      await fakes[rail].pay(attempt.body, { notifications: 2 });

      const gift = await eventually(async () => {
        const gifts = await giftsOf(agency);
        expect(gifts).toHaveLength(1);
        return gifts[0];
      });
      expect(gift).toMatchObject({
        planId: plan.planId,
        months: 3,
        purchaserEmail: 'mua.qua@example.vn',
        recipientEmail: 'nhan@example.vn',
        providerCheckoutId: null,
        paymentId,
        status: 'unredeemed',
      });
      const [purchased] = await eventually(async () => {
        const events = await published<GiftPurchasedEvent>(PURCHASED, gift.id);
        expect(events).toHaveLength(1);
        return events;
      });
      expect(purchased.data).toEqual({
        giftId: gift.id,
        planId: plan.planId,
        priceId: plan.priceId,
        productId: plan.productId,
        months: 3,
        currency: 'VND',
        amountPaid: '297000',
        tax: '27000',
        providerFee: '0',
        providerCheckoutId: null,
        providerPaymentIntentId: null,
        providerChargeId: null,
        providerBalanceTransactionId: null,
        paymentId,
        paidAt: gift.createdAt,
      });

      // The secret is the purchaser's: the purchase id alone, or with another secret, reveals nothing.
      expect((await claimCode(shopPage, giftPurchaseId, 'B'.repeat(43))).status).toBe(404);
      const revealed = await claimCode(shopPage, giftPurchaseId, purchaserSecret);
      expect(revealed.status).toBe(200);
      expect(revealed.body.claimCode).toMatch(/^GIFT(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
      expect(revealed.body.gift).toMatchObject({ id: gift.id, paymentId, message: 'Chúc mừng năm mới!' });
      const twice = await claimCode(shopPage, giftPurchaseId, purchaserSecret);
      expect(twice.status).toBe(409);
      expect(twice.body.detail).toContain('already been shown');

      const redeemed = await agency.api.post<{ until: string }>('/v1/subscriptions/gifts/redeem', {
        code: revealed.body.claimCode,
        readerId: `nguoi-nhan-${rail}`,
      });
      expect(redeemed.status).toBe(200);
      const entitlements = await agency.api.get<EntitlementsView>(
        `/v1/subscriptions/entitlements?readerId=nguoi-nhan-${rail}`,
      );
      expect(entitlements.body.entitlements.map((g) => [g.key, g.source, g.sourceId, g.until])).toEqual([
        ['ad-free', 'gift', gift.id, redeemed.body.until],
        ['premium-articles', 'gift', gift.id, redeemed.body.until],
      ]);
      const [redemption] = await eventually(async () => {
        const events = await published<GiftRedeemedEvent>('evt.subscriptions.gift.redeemed.v1', gift.id);
        expect(events).toHaveLength(1);
        return events;
      });
      expect(redemption.data).toMatchObject({ giftId: gift.id, providerCheckoutId: null, paymentId });
      expect(redemption.data.servicePeriodEnd).toBe(
        addCalendarMonths(new Date(redemption.data.servicePeriodStart), 3).toISOString(),
      );

      // The purchase as a Stripe gift's (VAT, deferred revenue), against the receivable; the cash from the payment alone.
      const journal = await eventually(async () => {
        const entries = await journalOf(agency);
        expect(entries.map((e) => e.sourceKey)).toEqual(
          expect.arrayContaining([`gift-purchased:${gift.id}`, `payment-succeeded:${paymentId}`]),
        );
        return entries;
      });
      const postingsOf = (sourceKey: string) =>
        journal
          .find((e) => e.sourceKey === sourceKey)!
          .postings.map((p) => [p.accountCode, p.amount])
          .sort();
      expect(postingsOf(`gift-purchased:${gift.id}`)).toEqual(
        [
          [RECEIVABLE, '297000'],
          [VAT_PAYABLE, '-27000'],
          [DEFERRED_REVENUE, '-270000'],
        ].sort(),
      );
      expect(postingsOf(`payment-succeeded:${paymentId}`)).toEqual(
        [
          [CLEARING[rail], '297000'],
          [RECEIVABLE, '-297000'],
        ].sort(),
      );
      const balances = await balancesIn(agency, 'VND');
      expect(balances[RECEIVABLE]).toBeUndefined();
      expect(balances[STRIPE_BALANCE]).toBeUndefined();
      expect(balances[CLEARING[rail]]).toBe('297000');
      expect(balances[VAT_PAYABLE]).toBe('-27000');
      // Redeemed: the gift's deferred revenue is recognized over its three months from the redemption.
      const schedule = await eventually(async () => {
        const schedules = await agency.api.get<RecognitionScheduleListResponse>(
          '/v1/finance/recognition-schedules?stream=subscriptions',
        );
        const found = schedules.body.items.filter((s) => s.source === `gift:${gift.id}`);
        expect(found).toHaveLength(1);
        expect(found[0].status).toBe('active');
        return found[0];
      });
      expect(schedule).toMatchObject({ total: '270000', productId: plan.productId });
      expect(schedule.firstDay).not.toBeNull();
    });
  });

  it('refuses a bad plan, months, email, rail or return URL, naming the field, and writes nothing', async () => {
    const { agency, plan, shopPage } = await agencyOn('momo');
    const good = {
      planId: plan.planId,
      months: 3,
      purchaserEmail: 'mua@example.vn',
      returnUrl: RETURN_URL,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ planId: '00000000-0000-4000-8000-000000000000' }, 'planId'],
      [{ months: 0 }, 'months'],
      [{ months: 37 }, 'months'],
      [{ purchaserEmail: 'khong-phai-email' }, 'purchaserEmail'],
      [{ rails: ['zalopay'] }, 'rails'],
      [{ returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
    ];
    for (const [override, field] of cases) {
      const refused = await giftRailCheckout(agency.api, { ...good, ...override });
      expect([JSON.stringify(override), refused.status]).toEqual([JSON.stringify(override), 400]);
      expect(refused.body.errors?.map((e) => e.field)).toEqual([field]);
    }
    // From the shop page, the purchaser returns to the site's own domain only.
    const elsewhere = await giftRailCheckout(shopPage, { ...good, returnUrl: 'https://lua-dao.example/cam-on' });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(elsewhere.body)).toContain('returnUrl');
    // A claim code for something that is not a purchase id names the field too.
    const notAnId = await claimCode(shopPage, 'cs_test_khong', 'A'.repeat(43));
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.errors?.map((e) => e.field)).toEqual(['giftPurchaseId']);

    expect(await giftsOf(agency)).toEqual([]);
    const payments = await agency.api.get<{ items: unknown[] }>('/v1/payments/payments');
    expect(payments.body.items).toEqual([]);
  });

  it('ignores a payment for a gift purchase it does not know, and makes no gift', async () => {
    const { agency, railAccount } = await agencyOn('payos');
    const payment = await agency.api.post<{ id: string; payPageUrl: string }>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'gifts', reference: '00000000-0000-4000-8000-000000000000', description: 'Quà tặng' },
      buyer: null,
      returnUrl: RETURN_URL,
      rails: [railAccount.rail],
    });
    expect(payment.status).toBe(201);
    const takenBefore = await paymentsTakenBySubscriptions();
    const attempt = await startAttempt(payment.body.payPageUrl, 'payos');
    expect(attempt.status).toBe(200);
    await fakes.payos.pay(attempt.body);
    // Subscriptions took the payment (processed, not failed) and made no gift of it.
    await eventually(async () => expect(await paymentsTakenBySubscriptions()).toBeGreaterThan(takenBefore));
    expect(await giftsOf(agency)).toEqual([]);
    expect(
      (await probe.published<GiftPurchasedEvent>(PURCHASED)).filter((e) => e.tenantId === agency.tenantId),
    ).toEqual([]);
  });
});
