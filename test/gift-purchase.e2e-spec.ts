import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { GiftExpiredEvent, GiftPurchasedEvent, GiftRedeemedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { addCalendarMonths } from '../apps/subscriptions/src/gifts/calendar-months';
import { GiftExpirySchedule } from '../apps/subscriptions/src/gifts/gift-expiry.schedule';
import { FakeStripe } from './stripe-fake';
import { createAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import {
  createMonthlyPlan,
  linkStripe,
  MonthlyPlan,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

interface GiftCheckout {
  id: string;
  url: string;
  currency: string;
  amount: string;
  purchaserSecret: string;
}

interface ClaimedGift {
  gift: {
    id: string;
    status: string;
    codeLast4: string;
    providerCheckoutId: string | null;
    months: number;
    message: string | null;
  };
  claimCode: string;
  claimUrl: string;
}

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const SUCCESS_URL = 'https://tinnhanh.vn/qua-tang/cam-on?session={CHECKOUT_SESSION_ID}';
const PURCHASED = 'evt.subscriptions.gift.purchased.v1';

describe('buying a gift through Stripe and redeeming it on the gift page', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;
  let shopPage: Api;
  let browser: Api;
  let stripe: Stripe;
  let subscriptionsDb: DataSource;

  const openGiftCheckout = (overrides: Record<string, unknown> = {}, api: Api = shopPage) =>
    api.post<GiftCheckout & Problem>('/v1/subscriptions/gift-checkouts', {
      planId: plan.planId,
      months: 3,
      purchaserEmail: 'Mua.Qua@Example.vn',
      recipientEmail: 'nhan@example.vn',
      message: 'Chúc mừng năm mới!',
      successUrl: SUCCESS_URL,
      cancelUrl: 'https://tinnhanh.vn/qua-tang',
      ...overrides,
    });
  /** Asks for the claim code as the purchaser: with the secret that opening the checkout answered. */
  const claimCode = (checkout: { id: string; purchaserSecret?: string }, api: Api = shopPage) =>
    api.post<ClaimedGift & Problem>(`/v1/subscriptions/gift-checkouts/${checkout.id}/claim-code`, {
      purchaserSecret: checkout.purchaserSecret,
    });
  const pathOf = (claimUrl: string) => new URL(claimUrl).pathname;
  const submitForm = (path: string, fields: Record<string, string>) =>
    browser.post<string>(`${path}/redeem`, new URLSearchParams(fields).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  const published = async <T>(subject: string, giftId: string) =>
    (await probe.published<T>(subject)).filter((e) => e.subject === giftId);
  const outboxRows = async (subject: string, giftId: string) =>
    Number(
      (
        await subscriptionsDb.query(
          `SELECT count(*) AS n FROM subscriptions.outbox WHERE subject = $1 AND envelope->>'subject' = $2`,
          [subject, giftId],
        )
      )[0].n,
    );

  /** Pays on the fake's hosted page as a browser would, and answers the session id Stripe put in the success URL. */
  async function payOnHostedPage(checkout: GiftCheckout): Promise<string> {
    const paid = await fetch(checkout.url, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeed' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const location = new URL(paid.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('https://tinnhanh.vn/qua-tang/cam-on');
    return location.searchParams.get('session')!;
  }

  async function giftOf(sessionId: string): Promise<{ id: string; status: string }> {
    return eventually(async () => {
      const gifts = await agency.api.get<{
        items: { id: string; status: string; providerCheckoutId: string | null }[];
      }>('/v1/subscriptions/gifts');
      const found = gifts.body.items.filter((g) => g.providerCheckoutId === sessionId);
      expect(found).toHaveLength(1);
      return found[0];
    });
  }

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, probe, agency } = world);
    plan = await createMonthlyPlan(agency);
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: 'tinnhanh.vn',
    });
    shopPage = new Api(world.gatewayUrl, { siteKey: site.body.publishableKey });
    browser = new Api(world.gatewayUrl);
    stripe = fake.sdk(agency.stripeKey);
    subscriptionsDb = world.suite.instances('subscriptions')[0].get(DataSource);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2020-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
  });

  afterAll(() => world?.close());

  it('sells 3 months for 297,000 VND, makes one gift, reveals its code once, and redeems it on the gift page', async () => {
    const opened = await openGiftCheckout();
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ currency: 'VND', amount: '297000' });
    const session = await stripe.checkout.sessions.retrieve(opened.body.id, { expand: ['line_items'] });
    const product = await agency.api.get<{ name: string }>(`/v1/subscriptions/products/${plan.productId}`);
    expect(session).toMatchObject({
      mode: 'payment',
      amount_total: 297_000,
      currency: 'vnd',
      customer_email: 'mua.qua@example.vn',
      total_details: { amount_tax: 27_000 },
    });
    const [line] = session.line_items!.data;
    expect([line.quantity, line.price?.unit_amount, line.description]).toEqual([3, 99_000, product.body.name]);

    const early = await claimCode(opened.body);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('not confirmed yet');

    const sessionId = await payOnHostedPage(opened.body);
    expect(sessionId).toBe(opened.body.id);
    const gift = await giftOf(sessionId);
    const [purchased] = await eventually(async () => {
      const events = await published<GiftPurchasedEvent>(PURCHASED, gift.id);
      expect(events).toHaveLength(1);
      return events;
    });
    const paid = await stripe.checkout.sessions.retrieve(sessionId, {
      expand: ['payment_intent.latest_charge.balance_transaction'],
    });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    const charge = intent.latest_charge as Stripe.Charge;
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(purchased.data).toEqual({
      giftId: gift.id,
      planId: plan.planId,
      priceId: plan.priceId,
      productId: plan.productId,
      months: 3,
      currency: 'VND',
      amountPaid: '297000',
      tax: '27000',
      providerFee: '12098',
      providerCheckoutId: sessionId,
      providerPaymentIntentId: intent.id,
      providerChargeId: charge.id,
      providerBalanceTransactionId: txn.id,
      paidAt: new Date(charge.created * 1000).toISOString(),
    });
    expect(txn.fee).toBe(12_098);

    // The same webhook again, and a copy under another event id: still one gift, one money fact.
    const completed = fake
      .events(agency.stripeKey)
      .find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === sessionId)!;
    const again = await fake.deliver(completed, { url: agency.webhookUrl, secret: agency.webhookSecret });
    expect(JSON.parse(again.body)).toEqual({ received: true, duplicate: true });
    const copyId = `evt_copy_${sessionId.slice(-12)}`;
    const copy = await fake.deliver(
      { ...completed, id: copyId },
      { url: agency.webhookUrl, secret: agency.webhookSecret },
    );
    expect(JSON.parse(copy.body)).toEqual({ received: true, duplicate: false });
    await eventually(async () => {
      const [row] = await subscriptionsDb.query(
        `SELECT processed_at FROM subscriptions.provider_notifications WHERE provider_notification_id = $1`,
        [copyId],
      );
      expect(row.processed_at).not.toBeNull();
    });
    expect(await outboxRows(PURCHASED, gift.id)).toBe(1);
    expect(await published(PURCHASED, gift.id)).toHaveLength(1);
    await giftOf(sessionId);

    const revealed = await claimCode(opened.body);
    expect(revealed.status).toBe(200);
    expect(revealed.body.claimCode).toMatch(/^GIFT(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(revealed.body.claimUrl).toBe(`http://127.0.0.1:3000/gift/${revealed.body.claimCode}`);
    expect(revealed.body.gift).toMatchObject({
      id: gift.id,
      status: 'unredeemed',
      months: 3,
      providerCheckoutId: sessionId,
      message: 'Chúc mừng năm mới!',
    });
    const twice = await claimCode(opened.body);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('already been shown');

    const path = pathOf(revealed.body.claimUrl);
    const page = await browser.get<string>(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain(product.body.name);
    expect(page.body).toContain('3 tháng');
    expect(page.body).toContain('3 months');
    expect(page.body).toContain('Chúc mừng năm mới!');
    expect(page.body).toContain('Chưa sử dụng');

    const redeemed = await submitForm(path, { email: 'Nhan@Example.vn', readerId: '' });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toContain('premium-articles');
    expect(redeemed.body).toContain('ad-free');
    const entitlements = await agency.api.get<{
      entitlements: { key: string; until: string; source: string; sourceId: string }[];
    }>('/v1/subscriptions/entitlements?email=nhan@example.vn');
    expect(entitlements.body.entitlements.map((g) => [g.key, g.source, g.sourceId])).toEqual([
      ['ad-free', 'gift', gift.id],
      ['premium-articles', 'gift', gift.id],
    ]);
    const until = entitlements.body.entitlements[0].until;
    expect(redeemed.body).toContain(`datetime="${until}"`);

    const [redemption] = await eventually(async () => {
      const events = await published<GiftRedeemedEvent>('evt.subscriptions.gift.redeemed.v1', gift.id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(redemption.data).toMatchObject({
      giftId: gift.id,
      planId: plan.planId,
      productId: plan.productId,
      months: 3,
      providerCheckoutId: sessionId,
      servicePeriodEnd: until,
    });
    expect(redemption.data.servicePeriodEnd).toBe(
      addCalendarMonths(new Date(redemption.data.servicePeriodStart), 3).toISOString(),
    );

    const used = await browser.get<string>(path);
    expect(used.status).toBe(410);
    expect(used.body).toContain('already been used');
    expect(used.body).not.toContain('<form');
    expect((await submitForm(path, { email: 'someone@example.vn' })).status).toBe(410);
  });

  it('makes the gift of a delayed payment only when the payment settles', async () => {
    const opened = await openGiftCheckout({ months: 1, message: undefined }, agency.api);
    expect(opened.status).toBe(201);
    expect(opened.body.amount).toBe('99000');
    await fake.completeCheckout(opened.body.id, { delayedPayment: true });
    expect((await claimCode(opened.body)).status).toBe(409);
    await fake.settleCheckoutPayment(opened.body.id);
    const gift = await giftOf(opened.body.id);
    const [purchased] = await eventually(async () => {
      const events = await published<GiftPurchasedEvent>(PURCHASED, gift.id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(purchased.data).toMatchObject({ amountPaid: '99000', tax: '9000', months: 1 });
    expect((await claimCode(opened.body, agency.api)).status).toBe(200);
  });

  it('shows the claim code only to the purchaser: not for the checkout session id alone, nor with another secret', async () => {
    const opened = await openGiftCheckout({ months: 1 });
    const another = await openGiftCheckout({ months: 1 });
    expect([opened.status, another.status]).toEqual([201, 201]);
    expect(opened.body.purchaserSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await fake.completeCheckout(opened.body.id);
    await giftOf(opened.body.id);
    const withoutSecret = await claimCode({ id: opened.body.id });
    expect(withoutSecret.status).toBe(400);
    expect((withoutSecret.body.errors ?? []).map((e) => e.field)).toEqual(['purchaserSecret']);
    const withAnother = await claimCode({ id: opened.body.id, purchaserSecret: another.body.purchaserSecret });
    expect(withAnother.status).toBe(404);
    expect(withAnother.body.claimCode).toBeUndefined();
    // Not even the staff's key opens it without the secret; the purchaser still can, once.
    expect(
      (await claimCode({ id: opened.body.id, purchaserSecret: another.body.purchaserSecret }, agency.api)).status,
    ).toBe(404);
    const revealed = await claimCode(opened.body);
    expect(revealed.status).toBe(200);
    expect(revealed.body.claimCode).toMatch(/^GIFT-/);
  });

  it("refuses a reader page's gift checkout that would send the purchaser off the site's domain, naming the field", async () => {
    for (const field of ['successUrl', 'cancelUrl']) {
      const refused = await openGiftCheckout({ [field]: 'https://tinnhanh.vn.evil.example/cam-on' });
      expect(refused.status).toBe(400);
      expect((refused.body.errors ?? []).map((e) => e.field)).toEqual([field]);
    }
    expect((await openGiftCheckout({ successUrl: 'https://www.tinnhanh.vn/cam-on' })).status).toBe(201);
    // The agency's own server (a secret key) sends its purchasers where it likes.
    expect((await openGiftCheckout({ cancelUrl: 'https://shop.example.com/' }, agency.api)).status).toBe(201);
  });

  it.each([
    [{ months: 0 }, 'months'],
    [{ months: 37 }, 'months'],
    [{ purchaserEmail: 'not-an-email' }, 'purchaserEmail'],
    [{ successUrl: 'tinnhanh.vn/cam-on' }, 'successUrl'],
    [{ amount: '1' }, 'amount'],
  ])('refuses the gift checkout %j with 400 naming %s', async (overrides, field) => {
    const response = await openGiftCheckout(overrides);
    expect(response.status).toBe(400);
    expect((response.body.errors ?? []).map((e) => e.field)).toContain(field);
  });

  it("refuses months that are not a whole number of the plan's billing interval, naming months", async () => {
    const quarterly = await createMonthlyPlan(agency, { name: 'Hằng quý', intervalCount: 3, unitAmount: '270000' });
    const refused = await openGiftCheckout({ planId: quarterly.planId, months: 4 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'months', message: expect.stringContaining('multiple of 3') }]);
    const accepted = await openGiftCheckout({ planId: quarterly.planId, months: 12 });
    expect(accepted.status).toBe(201);
    expect(accepted.body.amount).toBe('1080000');
  });

  it("answers 404 to an unknown plan and to another agency's plan, and to an unknown checkout", async () => {
    expect((await openGiftCheckout({ planId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const other = await linkStripe(await createAgency(browser, world.suite.operatorToken), fake, world.gatewayUrl);
    const theirPlan = await createMonthlyPlan(other);
    const foreign = await openGiftCheckout({ planId: theirPlan.planId });
    expect(foreign.status).toBe(404);
    expect(foreign.body.detail).toBe(`plan ${theirPlan.planId} not found`);
    const theirs = await openGiftCheckout({ planId: theirPlan.planId }, other.api);
    expect(theirs.status).toBe(201);
    await fake.completeCheckout(theirs.body.id);
    const unknown = await claimCode({ id: 'cs_test_doesNotExist123', purchaserSecret: theirs.body.purchaserSecret });
    expect(unknown.status).toBe(404);
    expect((await claimCode(theirs.body)).status).toBe(404);
    // Their payment reaches the gift once Stripe's webhook is handled; before that the code is not there to reveal (409).
    await eventually(async () => expect((await claimCode(theirs.body, other.api)).status).toBe(200));
  });

  it('reissues the code of an unredeemed gift: the old code stops working, and a purchaser can no longer reveal one', async () => {
    const opened = await openGiftCheckout({ months: 2 });
    await fake.completeCheckout(opened.body.id);
    const gift = await giftOf(opened.body.id);
    expect((await shopPage.post(`/v1/subscriptions/gifts/${gift.id}/reissue-code`, {})).status).toBe(403);
    const first = await agency.api.post<ClaimedGift>(`/v1/subscriptions/gifts/${gift.id}/reissue-code`, {});
    expect(first.status).toBe(200);
    expect((await claimCode(opened.body)).status).toBe(409);
    const second = await agency.api.post<ClaimedGift>(`/v1/subscriptions/gifts/${gift.id}/reissue-code`, {});
    expect(second.body.claimCode).not.toBe(first.body.claimCode);
    expect(second.body.gift.codeLast4).toBe(second.body.claimCode.slice(-4));

    expect((await browser.get(pathOf(first.body.claimUrl))).status).toBe(404);
    const stale = await agency.api.post<Problem>('/v1/subscriptions/gifts/redeem', {
      code: first.body.claimCode,
      readerId: 'late',
    });
    expect(stale.status).toBe(404);
    expect((await browser.get(pathOf(second.body.claimUrl))).status).toBe(200);
    expect(
      (await agency.api.post('/v1/subscriptions/gifts/redeem', { code: second.body.claimCode, readerId: 'on-time' }))
        .status,
    ).toBe(200);
    const afterRedemption = await agency.api.post<Problem>(`/v1/subscriptions/gifts/${gift.id}/reissue-code`, {});
    expect(afterRedemption.status).toBe(409);
    expect(afterRedemption.body.detail).toContain('redeemed');
  });

  it('records a gift past its deadline as expired once, with GiftExpired, and then refuses it', async () => {
    const created = await agency.api.post<ClaimedGift>('/v1/subscriptions/gifts', {
      planId: plan.planId,
      months: 6,
      purchaserEmail: 'old@example.vn',
    });
    const giftId = created.body.gift.id;
    await subscriptionsDb.query(`UPDATE subscriptions.gifts SET redeem_by = '2021-03-01T00:00:00Z' WHERE id = $1`, [
      giftId,
    ]);
    const sweep = world.suite.instances('subscriptions')[0].get(GiftExpirySchedule);
    const at = new Date('2021-03-02T00:00:00Z');
    const counts = await Promise.all([sweep.expireDue(at), sweep.expireDue(at), sweep.expireDue(at)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sweep.expireDue(at)).toBe(0);

    const [expired] = await eventually(async () => {
      const events = await published<GiftExpiredEvent>('evt.subscriptions.gift.expired.v1', giftId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(expired.data).toEqual({
      giftId,
      planId: plan.planId,
      productId: plan.productId,
      months: 6,
      providerCheckoutId: null,
      expiredAt: '2021-03-01T00:00:00.000Z',
    });
    expect(await outboxRows('evt.subscriptions.gift.expired.v1', giftId)).toBe(1);
    expect((await agency.api.get(`/v1/subscriptions/gifts/${giftId}`)).body).toMatchObject({ status: 'expired' });
    const late = await agency.api.post<Problem>('/v1/subscriptions/gifts/redeem', {
      code: created.body.claimCode,
      readerId: 'too-late',
    });
    expect(late.status).toBe(409);
    const page: ApiResponse<string> = await browser.get<string>(pathOf(created.body.claimUrl));
    expect(page.status).toBe(410);
    expect(page.body).toContain('could be redeemed until');
  });
});
