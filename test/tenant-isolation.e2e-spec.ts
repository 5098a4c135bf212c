import { eventually, pngOf } from '@libs/testing';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { advertiserWithKey, bookableUnit, cpmLine, placeOrder, siteFollowed } from './support/ad-booking-fixtures';
import { awaitProvisioned, createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { FOREIGN_ID_MATRIX, LIST_ROUTES } from './support/foreign-id-matrix';
import { bankCsv, stripeReport } from './support/reconciliation-files';
import { createMonthlyPlan, linkStripe, openCheckout } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

/** What seeding made that only its owner's answers show: secrets shown once, addresses, plans. */
interface Seeded {
  planId: string;
  giftId: string;
  giftCode: string;
  licenceId: string;
  invitationToken: string;
  ipInRange: string;
}

describe('tenant isolation', () => {
  let fake: FakeStripe;
  let momo: FakeMomo;
  let suite: TestSuite;
  let api: Api;
  let a: TestAgency;
  let b: TestAgency;
  const seeded: Record<string, Seeded> = {};

  async function seed(agency: TestAgency, tag: string): Promise<void> {
    expect((await agency.api.post('/v1/sites', { name: `Site ${tag}`, domain: `${tag}.example.vn` })).status).toBe(201);
    expect(
      (
        await agency.api.post('/v1/users', {
          email: `editor@${tag}.example.vn`,
          name: 'Editor',
          role: 'editor',
          password: 'Correct-Horse-42',
        })
      ).status,
    ).toBe(201);
    for (const n of [1, 2]) {
      const article = {
        url: `https://${tag}.example.vn/bai-${n}`,
        accessLevel: 'premium',
        section: `section-${tag}`,
        tags: [`tag-${tag}`],
      };
      expect((await agency.api.put(`/v1/paywall/articles/isolation-${tag}-${n}`, article)).status).toBe(200);
    }
    // A unit with a rate card, an advertiser and its draft order: advertising's objects to address.
    const adSite = await siteFollowed(agency, `${tag}-ads`);
    const adUnit = await bookableUnit(agency, adSite, `isolation-${tag}`);
    const { advertiser } = await advertiserWithKey(agency, api, `Advertiser ${tag}`);
    const order = await placeOrder(agency.api, { advertiserId: advertiser.id, lines: [cpmLine(adUnit.id, 100)] });
    expect(order.status).toBe(201);
    // approved, so that it has an invoice to address
    expect((await agency.api.post(`/v1/advertising/orders/${order.body.id}/submit`, {})).status).toBe(200);
    expect((await agency.api.post(`/v1/advertising/orders/${order.body.id}/approve`, {})).status).toBe(200);
    const creative = await agency.api.post('/v1/advertising/creatives', {
      advertiserId: advertiser.id,
      name: `Creative ${tag}`,
      kind: 'image',
      size: '300x250',
      clickUrl: `https://${tag}.example.vn/`,
      contentBase64: pngOf(300, 250).toString('base64'),
    });
    expect(creative.status).toBe(201);
    // A payment paid on MoMo that saved the payer's wallet: a payment, a refund target and a saved token to address.
    const account = await agency.api.put('/v1/payments/accounts/momo', {
      environment: 'sandbox',
      enabled: true,
      savesWallets: true,
      credentials: momo.merchant(),
    });
    expect(account.status).toBe(200);
    const payment = await agency.api.post<{ payPageUrl: string }>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'direct', reference: `isolation-${tag}`, description: `Đơn ${tag}` },
      buyer: null,
      returnUrl: `https://${tag}.example.vn/cam-on`,
      saveTokenFor: `payer@${tag}.example.vn`,
    });
    expect(payment.status).toBe(201);
    const link = new URL(payment.body.payPageUrl);
    const attempt = await api.post<{ redirectUrl: string | null; qrCode: string | null }>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    expect((await momo.pay(attempt.body)).map((answer) => answer.status)).toEqual([204]);
    const linked = await linkStripe(agency, fake, api.baseUrl);
    const { planId } = await createMonthlyPlan(linked);
    const readerId = `isolation-reader-${agency.tenantId}`;
    const completed = await fake.completeCheckout(await openCheckout(linked, planId, { readerId }));
    await eventually(async () => {
      const subscriptions = await agency.api.get<{ items: unknown[] }>(
        `/v1/subscriptions/subscriptions?readerId=${readerId}`,
      );
      expect(subscriptions.body.items).toHaveLength(1);
    });
    // The paid first invoice reaches the books: a journal entry to address.
    await eventually(async () => {
      const journal = await agency.api.get<{ items: unknown[] }>('/v1/finance/journal-entries');
      expect(journal.body.items?.length).toBeGreaterThan(0);
    });
    if (tag === 'b') {
      for (const limit of [3, 4]) {
        const policies = await agency.api.send('PUT', '/v1/paywall/policies', {
          policies: [{ name: `Meter ${limit}`, active: true, rule: { kind: 'metered', limit } }],
        });
        expect(policies.status).toBe(200);
      }
      for (const couponCode of ['NAM2026', 'THANG2026']) {
        expect(
          (
            await agency.api.post('/v1/subscriptions/coupons', {
              name: couponCode,
              percentOff: 10,
              duration: 'once',
              code: couponCode,
            })
          ).status,
        ).toBe(201);
        const copy = { headline: 'Đăng ký', body: 'Đọc không giới hạn.', cta: 'Đăng ký' };
        const offers = await agency.api.send('PUT', '/v1/paywall/offers', {
          offers: [{ name: `Offer ${couponCode}`, planIds: [planId], couponCode, copy: { vi: copy, en: copy } }],
        });
        expect(offers.status).toBe(200);
      }
    }
    const current = await agency.api.get<{ policies: { id: string; rule: { kind: string } }[] }>(
      '/v1/paywall/policies',
    );
    const experiment = await agency.api.post('/v1/paywall/experiments', {
      name: `Meter test ${tag}`,
      target: 'meter-limit',
      policyId: current.body.policies.find((p) => p.rule.kind === 'metered')!.id,
      allocation: 'split',
      arms: [
        { name: 'low', limit: 1 },
        { name: 'high', limit: 5 },
      ],
    });
    expect(experiment.status).toBe(201);
    // A failed renewal: an open invoice and a dunning case to address.
    await fake.renew(String(completed.object.subscription), { paymentSucceeds: false });
    await eventually(async () => {
      const cases = await agency.api.get<{ items: unknown[] }>('/v1/subscriptions/dunning-cases');
      expect(cases.body.items).toHaveLength(1);
    });
    const giftCheckout = await agency.api.post<{ id: string }>('/v1/subscriptions/gift-checkouts', {
      planId,
      months: 1,
      purchaserEmail: `shopper@${tag}.example.vn`,
      successUrl: `https://${tag}.example.vn/thanks`,
      cancelUrl: `https://${tag}.example.vn/`,
    });
    expect(giftCheckout.status).toBe(201);
    await fake.completeCheckout(giftCheckout.body.id);
    await eventually(async () => {
      const gifts = await agency.api.get<{ items: { providerCheckoutId: string | null }[] }>('/v1/subscriptions/gifts');
      expect(gifts.body.items.map((g) => g.providerCheckoutId)).toContain(giftCheckout.body.id);
    });
    // A gift bought on a rail, not yet paid: a purchase whose claim code another agency must not reach.
    const giftRailCheckout = await agency.api.post('/v1/subscriptions/gift-rail-checkouts', {
      planId,
      months: 1,
      purchaserEmail: `shopper@${tag}.example.vn`,
      rails: ['momo'],
      returnUrl: `https://${tag}.example.vn/cam-on`,
    });
    expect(giftRailCheckout.status).toBe(201);
    const gift = await agency.api.post<{ gift: { id: string }; claimCode: string }>('/v1/subscriptions/gifts', {
      planId,
      months: 1,
      purchaserEmail: `buyer@${tag}.example.vn`,
    });
    expect(gift.status).toBe(201);
    const ipInRange = tag === 'a' ? '198.51.100.7' : '198.51.100.135';
    const licence = await agency.api.post<{ id: string }>('/v1/subscriptions/group-licences', {
      name: `Campus ${tag}`,
      planId,
      seats: 5,
      emailDomains: [`${tag}.example.vn`],
      ipRanges: [tag === 'a' ? '198.51.100.0/25' : '198.51.100.128/25'],
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    });
    expect(licence.status).toBe(201);
    expect(
      (await agency.api.post('/v1/subscriptions/group-licences/join', { email: `member@${tag}.example.vn` })).status,
    ).toBe(200);
    const invitation = await agency.api.post<{ invitationToken: string }>(
      `/v1/subscriptions/group-licences/${licence.body.id}/invitations`,
      { email: `guest@${tag}.example.org` },
    );
    expect(invitation.status).toBe(201);
    const coupon = await agency.api.post('/v1/subscriptions/coupons', {
      name: `Welcome ${tag}`,
      percentOff: 10,
      duration: 'once',
      code: `WELCOME-${tag.toUpperCase()}`,
    });
    expect(coupon.status).toBe(201);
    const vat = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2026-01-01T00:00:00+07:00',
    });
    expect(vat.status).toBe(201);
    expect((await agency.api.post('/v1/subscriptions/sync', undefined)).status).toBe(202);
    await seedReconciliation(agency, tag);
    seeded[agency.tenantId] = {
      planId,
      giftId: gift.body.gift.id,
      giftCode: gift.body.claimCode,
      licenceId: licence.body.id,
      invitationToken: invitation.body.invitationToken,
      ipInRange,
    };
  }

  /** A Stripe report and a bank statement imported, and a run that finds what neither the books nor the bank explain. */
  async function seedReconciliation(agency: TestAgency, tag: string): Promise<void> {
    const csv = { 'content-type': 'text/csv' };
    const report = stripeReport([
      {
        id: `txn_isolation${tag}`,
        created: '2026-11-20 03:00:00',
        currency: 'vnd',
        gross: '99000',
        fee: '0',
        net: '99000',
        category: 'charge',
        source: `ch_isolation${tag}`,
      },
    ]);
    expect((await agency.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, csv)).status).toBe(201);
    const statement = bankCsv([
      {
        date: '2026-11-20',
        amount: '1234000',
        currency: 'VND',
        reference: `ISO-${tag}`,
        counterparty: 'STRIPE PAYMENTS',
      },
    ]);
    expect((await agency.api.post('/v1/finance/reconciliation/imports/bank-csv', statement, csv)).status).toBe(201);
    const run = await agency.api.post<{ id: string }>('/v1/finance/reconciliation/runs', {});
    expect(run.status).toBe(202);
    await eventually(async () => {
      const exceptions = await agency.api.get<{ items: unknown[] }>('/v1/finance/reconciliation/exceptions');
      expect(exceptions.body.items).toHaveLength(2);
    });
  }

  beforeAll(async () => {
    [fake, momo] = await Promise.all([startFakeStripe(), startFakeMomo()]);
    suite = await TestSuite.start(undefined, { STRIPE_API_URL: fake.url, PAYMENT_RAIL_URLS: `momo=${momo.url}` });
    api = new Api(await suite.gatewayUrl());
    [a, b] = await Promise.all([createAgency(api, suite.operatorToken), createAgency(api, suite.operatorToken)]);
    await Promise.all([awaitProvisioned(a), awaitProvisioned(b), seed(a, 'a'), seed(b, 'b')]);
  });

  afterAll(async () => {
    await suite?.close();
    await fake?.close();
    await momo?.close();
  });

  it('covers every route that takes an id (any path parameter: `{id}`, `{articleId}`...)', async () => {
    const openapi = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    const routesWithId = Object.entries(openapi.body.paths).flatMap(([path, methods]) =>
      path.includes('{') ? Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`) : [],
    );
    const covered = FOREIGN_ID_MATRIX.map((c) => `${c.method} ${c.path}`);
    expect(routesWithId.sort()).toEqual(covered.sort());
  });

  const answerOf = (c: (typeof FOREIGN_ID_MATRIX)[number]) =>
    c.upsert
      ? "the caller's own new object"
      : c.ownBooks
        ? `${c.ownBooks.status} from the caller's own books`
        : c.callersOwn
          ? "200 about the caller's own"
          : '404';
  it.each(FOREIGN_ID_MATRIX.map((c) => [`${c.method} ${c.path}`, answerOf(c), c] as const))(
    "answers %s with another agency's id with %s, and changes nothing of theirs",
    async (_name, _answer, matrixCase) => {
      const params: Record<string, string> = {
        ...(matrixCase.idOf ? { id: await matrixCase.idOf(b) } : {}),
        ...(await matrixCase.paramsOf?.(b)),
      };
      const fill = (template: string) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
      const path = fill(matrixCase.path);
      const readPath = fill(matrixCase.readPath ?? matrixCase.path);
      const before = matrixCase.method === 'GET' ? null : await b.api.get(readPath);
      const response = await a.api.send(matrixCase.method, path, matrixCase.body);
      if (matrixCase.upsert) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ ...(matrixCase.body as object), version: 1 });
      } else if (matrixCase.callersOwn) {
        expect(response.status).toBe(200);
      } else if (matrixCase.ownBooks?.status === 200) {
        // A read of a month of the books (no object of the owner's in the path): the caller's own view of that month.
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ month: params.month });
      } else if (matrixCase.ownBooks) {
        expect(response.status).toBe(matrixCase.ownBooks.status);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      } else {
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      if (before) expect((await b.api.get(readPath)).body).toEqual(before.body);
    },
  );

  it.each(LIST_ROUTES)('lists only the caller’s own objects at %s', async (path) => {
    const [mine, theirs] = await Promise.all([
      a.api.get<{ items: object[] }>(path),
      b.api.get<{ items: object[] }>(path),
    ]);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const theirIds = new Set(theirs.body.items.map((item) => JSON.stringify(item)));
    expect(mine.body.items.filter((item) => theirIds.has(JSON.stringify(item)))).toEqual([]);
  });

  it("answers 404 to a redemption of another agency's gift code, which stays unredeemed", async () => {
    const theirs = seeded[b.tenantId];
    const response = await a.api.post('/v1/subscriptions/gifts/redeem', { code: theirs.giftCode, readerId: 'thief' });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ detail: 'gift code not found' });
    expect((await b.api.get(`/v1/subscriptions/gifts/${theirs.giftId}`)).body).toMatchObject({
      status: 'unredeemed',
      redeemedAt: null,
    });
    expect((await a.api.get('/v1/subscriptions/entitlements?readerId=thief')).body).toMatchObject({ entitlements: [] });
  });

  it("answers 404 to joins by another agency's invitation or email domain, taking none of its seats", async () => {
    const theirs = seeded[b.tenantId];
    const before = (await b.api.get(`/v1/subscriptions/group-licences/${theirs.licenceId}/usage`)).body;
    const invited = await a.api.post('/v1/subscriptions/group-licences/join', {
      email: 'guest@b.example.org',
      invitationToken: theirs.invitationToken,
    });
    expect(invited.status).toBe(404);
    const byDomain = await a.api.post('/v1/subscriptions/group-licences/join', { email: 'someone@b.example.vn' });
    expect(byDomain.status).toBe(404);
    expect((await b.api.get(`/v1/subscriptions/group-licences/${theirs.licenceId}/usage`)).body).toEqual(before);
  });

  it("answers 404 to removing another agency's member through one's own licence", async () => {
    const [mine, theirs] = [seeded[a.tenantId], seeded[b.tenantId]];
    const theirUsage = await b.api.get<{ members: { id: string }[] }>(
      `/v1/subscriptions/group-licences/${theirs.licenceId}/usage`,
    );
    const response = await a.api.delete(
      `/v1/subscriptions/group-licences/${mine.licenceId}/members/${theirUsage.body.members[0].id}`,
    );
    expect(response.status).toBe(404);
    expect((await b.api.get(`/v1/subscriptions/group-licences/${theirs.licenceId}/usage`)).body).toEqual(
      theirUsage.body,
    );
  });

  it("grants nothing for an address in another agency's IP range", async () => {
    const [mine, theirs] = [seeded[a.tenantId], seeded[b.tenantId]];
    expect((await a.api.get(`/v1/subscriptions/entitlements?ip=${theirs.ipInRange}`)).body).toMatchObject({
      entitlements: [],
    });
    const own = await a.api.get<{ entitlements: { sourceId: string }[] }>(
      `/v1/subscriptions/entitlements?ip=${mine.ipInRange}`,
    );
    expect(own.body.entitlements.map((g) => g.sourceId)).toEqual([mine.licenceId, mine.licenceId]);
  });

  it("answers 404 to gifts and group licences of another agency's plan", async () => {
    const theirs = seeded[b.tenantId];
    const gift = await a.api.post('/v1/subscriptions/gifts', {
      planId: theirs.planId,
      months: 1,
      purchaserEmail: 'x@a.example.vn',
    });
    expect(gift.status).toBe(404);
    const licence = await a.api.post('/v1/subscriptions/group-licences', {
      name: 'Stolen',
      planId: theirs.planId,
      seats: 1,
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(licence.status).toBe(404);
  });

  it('refuses a service request whose headers carry no tenant', async () => {
    const { RpcClient } = await import('@libs/common');
    const { ListAccounts } = await import('@libs/contracts');
    const rpc = suite.instances('gateway')[0].get(RpcClient);
    await expect(
      rpc.request(ListAccounts, {}, { tenantId: '', actor: 'test', roles: ['admin'], requestId: 'r1' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it("finds a gift by its code alone, without a tenant, answering the gift's own agency and only to the gift page's role", async () => {
    const { RpcClient } = await import('@libs/common');
    const { LookUpGiftByCode } = await import('@libs/contracts');
    const rpc = suite.instances('gateway')[0].get(RpcClient);
    const theirs = seeded[b.tenantId];
    const found = await rpc.request(
      LookUpGiftByCode,
      { code: theirs.giftCode },
      { actor: 'test', roles: ['reader'], requestId: 'r3' },
    );
    expect(found).toMatchObject({ tenantId: b.tenantId, giftId: theirs.giftId, status: 'unredeemed' });
    await expect(
      rpc.request(LookUpGiftByCode, { code: theirs.giftCode }, { actor: 'test', roles: ['admin'], requestId: 'r4' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it("lists an agency's provider balance to finance's import role only, from that agency's Stripe account alone", async () => {
    const { RpcClient } = await import('@libs/common');
    const { ListProviderBalanceTransactions, SERVICE_ROLES } = await import('@libs/contracts');
    const rpc = suite.instances('gateway')[0].get(RpcClient);
    const range = {
      createdFrom: new Date(Date.now() - 86_400_000).toISOString(),
      createdTo: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const listed = async (agency: TestAgency) =>
      (
        await rpc.request(ListProviderBalanceTransactions, range, {
          tenantId: agency.tenantId,
          actor: 'test',
          roles: [SERVICE_ROLES.reconciliationImport],
          requestId: 'r5',
        })
      ).items.map((t) => t.id);
    const [mine, theirs] = [await listed(a), await listed(b)];
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    await expect(
      rpc.request(ListProviderBalanceTransactions, range, {
        tenantId: a.tenantId,
        actor: 'test',
        roles: ['admin'],
        requestId: 'r6',
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets a service refuse a role the gateway would not have let through', async () => {
    const { RpcClient } = await import('@libs/common');
    const { ListAccounts } = await import('@libs/contracts');
    const rpc = suite.instances('gateway')[0].get(RpcClient);
    await expect(
      rpc.request(ListAccounts, {}, { tenantId: a.tenantId, actor: 'test', roles: ['editor'], requestId: 'r2' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
