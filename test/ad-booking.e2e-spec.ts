import { Client } from 'pg';
import type { AdUnitView, AvailabilityView, OrderView, QuoteView } from '@libs/contracts';
import { OrderTransitionsService } from '../apps/advertising/src/orders/order-transitions.service';
import {
  advertiserWithKey,
  bookableUnit,
  cpmLine,
  dayFromToday,
  placeOrder,
  siteFollowed,
} from './support/ad-booking-fixtures';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe('advertising bookings', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let siteId: string;
  let db: Client;

  const fieldsOf = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.field);

  async function availability(
    unitId: string,
    from: string,
    to = from,
  ): Promise<AvailabilityView['units'][number]['days']> {
    const answer = await agency.api.get<AvailabilityView>(
      `/v1/advertising/availability?adUnitIds=${unitId}&from=${from}&to=${to}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.units[0].days;
  }

  async function stored(unitId: string): Promise<{ sold: number; held: number; capacity: number }[]> {
    const { rows } = await db.query(
      'SELECT sold, held, capacity FROM advertising.inventory_days WHERE ad_unit_id = $1 ORDER BY day',
      [unitId],
    );
    return rows as { sold: number; held: number; capacity: number }[];
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'advertising']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    siteId = await siteFollowed(agency, agency.slug);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  describe('ad units', () => {
    it('keeps the defaults an agency starts with, now with sizes, capacity and sponsorship', async () => {
      const units = await agency.api.get<{ items: AdUnitView[] }>('/v1/advertising/ad-units');
      expect(units.body.items.find((unit) => unit.code === 'homepage-takeover')).toMatchObject({
        siteId: null,
        format: 'sponsorship',
        sizes: ['fluid'],
        exclusiveSponsorship: true,
        active: true,
      });
      expect(units.body.items.find((unit) => unit.code === 'medium-rectangle')).toMatchObject({
        sizes: ['300x250'],
        width: 300,
        height: 250,
      });
    });

    it('creates, changes and takes off sale a unit on a site; its code is unique in the agency', async () => {
      const unit = await bookableUnit(agency, siteId, 'sidebar-crud', 5000);
      expect(unit).toMatchObject({
        siteId,
        sizes: ['300x250', '336x280'],
        width: 300,
        height: 250,
        dailyCapacity: 5000,
      });
      const again = await agency.api.post('/v1/advertising/ad-units', { ...unit, id: undefined, active: undefined });
      expect(again.status).toBe(400);
      const duplicate = await agency.api.post('/v1/advertising/ad-units', {
        siteId,
        code: 'sidebar-crud',
        name: 'Twin',
        format: 'native',
        sizes: ['native'],
        pageTypes: [],
        dailyCapacity: 1,
      });
      expect(duplicate.status).toBe(409);
      const changed = await agency.api.patch<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`, {
        sizes: ['fluid', '970x250'],
        dailyCapacity: 8000,
      });
      expect(changed.body).toMatchObject({ sizes: ['fluid', '970x250'], width: 970, height: 250, dailyCapacity: 8000 });
      expect((await agency.api.delete(`/v1/advertising/ad-units/${unit.id}`)).status).toBe(204);
      expect((await agency.api.get<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`)).body.active).toBe(false);
    });

    it.each([
      ['an unknown size', { sizes: ['banner'] }, 'sizes'],
      ['a size beyond 4000 px', { sizes: ['300x99999'] }, 'sizes'],
      ['a negative capacity', { dailyCapacity: -1 }, 'dailyCapacity'],
      ['a site of no one', { siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
    ])('refuses %s naming the field, and writes nothing', async (_what, change, field) => {
      const before = await agency.api.get<{ items: unknown[] }>('/v1/advertising/ad-units');
      const answer = await agency.api.post('/v1/advertising/ad-units', {
        siteId,
        code: 'refused-unit',
        name: 'Refused',
        format: 'display',
        sizes: ['300x250'],
        pageTypes: ['home'],
        dailyCapacity: 100,
        ...change,
      });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body).join(' ')).toContain(field);
      expect((await agency.api.get<{ items: unknown[] }>('/v1/advertising/ad-units')).body.items).toEqual(
        before.body.items,
      );
    });
  });

  describe('quotes and availability', () => {
    it('quotes a line step by step from the rate card, with the media agency commission and VAT', async () => {
      const unit = await bookableUnit(agency, siteId, 'quote-unit');
      const { advertiser } = await advertiserWithKey(agency, api, 'Agency-booked', { mediaAgency: 'Dentsu' });
      const quote = await agency.api.post<QuoteView>('/v1/advertising/quotes', {
        adUnitId: unit.id,
        pricingModel: 'cpd',
        flightStart: dayFromToday(10),
        flightEnd: dayFromToday(16),
        advertiserId: advertiser.id,
      });
      expect(quote.status).toBe(200);
      // 7 days × 10,000,000; 10 % volume discount at 7 days; 15 % commission; 10 % VAT
      expect(quote.body).toMatchObject({
        currency: 'VND',
        days: 7,
        impressions: 70_000,
        steps: {
          listPrice: '70000000',
          seasonalAdjustment: '0',
          volumeDiscountBp: 1000,
          volumeDiscount: '7000000',
          net: '63000000',
          commissionBp: 1500,
          commission: '9450000',
          taxable: '53550000',
          vatRateBp: 1000,
          vat: '5355000',
          total: '58905000',
        },
      });
      expect(quote.body.rounding).toMatch(/half up/);
    });

    it('applies a seasonal multiplier on the days it covers', async () => {
      const unit = await bookableUnit(agency, siteId, 'tet-unit');
      const tet = { label: 'Tết', from: dayFromToday(5), to: dayFromToday(6), multiplierBp: 15000 };
      const card = await agency.api.get<Record<string, unknown>>(`/v1/advertising/ad-units/${unit.id}/rate-card`);
      const { adUnitId: _unit, version: _version, updatedAt: _at, ...terms } = card.body;
      expect(
        (
          await agency.api.put(`/v1/advertising/ad-units/${unit.id}/rate-card`, {
            ...terms,
            seasonalMultipliers: [tet],
          })
        ).status,
      ).toBe(200);
      const quote = await agency.api.post<QuoteView>(
        '/v1/advertising/quotes',
        cpmLine(unit.id, 2000, dayFromToday(4), dayFromToday(6)),
      );
      // 3 days × 2,000 impressions × 50,000 / 1000 = 300,000; two Tết days add 50 %: 100,000
      expect(quote.body.steps).toMatchObject({
        listPrice: '300000',
        seasonalAdjustment: '100000',
        net: '400000',
        vat: '40000',
      });
      expect(quote.body.rateCardVersion).toBe(2);
    });

    it('counts held and sold impressions per day, and an exclusive day once', async () => {
      const unit = await bookableUnit(agency, siteId, 'availability-unit', 10_000);
      const { advertiser } = await advertiserWithKey(agency, api, 'Counted');
      const day = dayFromToday(3);
      const held = await placeOrder(agency.api, {
        advertiserId: advertiser.id,
        lines: [cpmLine(unit.id, 4000, day, dayFromToday(4))],
      });
      expect(held.status).toBe(201);
      const sponsored = await placeOrder(agency.api, {
        advertiserId: advertiser.id,
        lines: [
          { adUnitId: unit.id, pricingModel: 'sponsorship', flightStart: dayFromToday(5), flightEnd: dayFromToday(5) },
        ],
      });
      expect(sponsored.status).toBe(201);
      expect(await availability(unit.id, day, dayFromToday(6))).toEqual([
        { day, capacity: 10_000, sold: 0, held: 4000, available: 6000, exclusive: 'taken' },
        { day: dayFromToday(4), capacity: 10_000, sold: 0, held: 4000, available: 6000, exclusive: 'taken' },
        { day: dayFromToday(5), capacity: 10_000, sold: 0, held: 10_000, available: 0, exclusive: 'taken' },
        { day: dayFromToday(6), capacity: 10_000, sold: 0, held: 0, available: 10_000, exclusive: 'free' },
      ]);
      // the sponsored day is sold once: neither another sponsorship nor impressions fit on it
      const second = await placeOrder(agency.api, {
        advertiserId: advertiser.id,
        lines: [
          { adUnitId: unit.id, pricingModel: 'sponsorship', flightStart: dayFromToday(5), flightEnd: dayFromToday(5) },
        ],
      });
      expect(second.status).toBe(409);
      expect(
        (await placeOrder(agency.api, { advertiserId: advertiser.id, lines: [cpmLine(unit.id, 1, dayFromToday(5))] }))
          .status,
      ).toBe(409);
      await agency.api.post(`/v1/advertising/orders/${held.body.id}/submit`, {});
      await agency.api.post(`/v1/advertising/orders/${held.body.id}/approve`, {});
      expect((await availability(unit.id, day))[0]).toMatchObject({ sold: 4000, held: 0, available: 6000 });
    });
  });

  describe('booking', () => {
    it('never overbooks: 60 concurrent attempts from two instances against room for 10 confirm exactly 10', async () => {
      await suite.startInstance('advertising');
      const unit = await bookableUnit(agency, siteId, 'contended-unit', 10_000);
      const { advertiser } = await advertiserWithKey(agency, api, 'Crowd');
      const day = dayFromToday(2);
      const answers = await Promise.all(
        Array.from({ length: 60 }, () =>
          placeOrder(agency.api, { advertiserId: advertiser.id, lines: [cpmLine(unit.id, 1000, day)] }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(10);
      expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
      expect(await stored(unit.id)).toEqual([{ capacity: 10_000, sold: 0, held: 10_000 }]);
      const refused = answers.find((answer) => answer.status === 409)!.body as unknown as Problem;
      expect(refused.detail).toContain(day);
    });

    it('books once for a retried request with the same Idempotency-Key', async () => {
      const unit = await bookableUnit(agency, siteId, 'retried-unit', 10_000);
      const { advertiser } = await advertiserWithKey(agency, api, 'Retrying');
      const body = { advertiserId: advertiser.id, lines: [cpmLine(unit.id, 3000)] };
      const headers = { 'idempotency-key': `booking-${unit.id}` };
      const [first, second] = await Promise.all([
        placeOrder(agency.api, body, headers),
        placeOrder(agency.api, body, headers),
      ]);
      const third = await placeOrder(agency.api, body, headers);
      expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
      expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
      expect(await stored(unit.id)).toEqual([{ capacity: 10_000, sold: 0, held: 3000 }]);
    });

    it('refuses to lower a capacity below what is sold or held, naming the days', async () => {
      const unit = await bookableUnit(agency, siteId, 'shrinking-unit', 10_000);
      const { advertiser } = await advertiserWithKey(agency, api, 'Shrunk');
      await placeOrder(agency.api, {
        advertiserId: advertiser.id,
        lines: [cpmLine(unit.id, 6000, dayFromToday(3), dayFromToday(4))],
      });
      const refused = await agency.api.patch(`/v1/advertising/ad-units/${unit.id}`, { dailyCapacity: 5000 });
      expect(refused.status).toBe(409);
      expect((refused.body as unknown as Problem).detail).toContain(`${dayFromToday(3)}, ${dayFromToday(4)}`);
      expect((await agency.api.get<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`)).body.dailyCapacity).toBe(10_000);
      const lowered = await agency.api.patch<AdUnitView>(`/v1/advertising/ad-units/${unit.id}`, {
        dailyCapacity: 7000,
      });
      expect(lowered.status).toBe(200);
      expect((await availability(unit.id, dayFromToday(3)))[0]).toMatchObject({ capacity: 7000, available: 1000 });
      expect((await agency.api.delete(`/v1/advertising/ad-units/${unit.id}`)).status).toBe(409);
    });

    it('releases a hold that expired unapproved, and the clock cancels the order', async () => {
      const unit = await bookableUnit(agency, siteId, 'expiring-unit', 10_000);
      const { advertiser } = await advertiserWithKey(agency, api, 'Late');
      const order = await placeOrder(agency.api, {
        advertiserId: advertiser.id,
        holdHours: 1,
        lines: [cpmLine(unit.id, 2500)],
      });
      expect(Date.parse(order.body.holdExpiresAt!) - Date.parse(order.body.createdAt)).toBeGreaterThan(3_500_000);
      await agency.api.post(`/v1/advertising/orders/${order.body.id}/submit`, {});
      await db.query(`UPDATE advertising.orders SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [
        order.body.id,
      ]);
      expect((await agency.api.post(`/v1/advertising/orders/${order.body.id}/approve`, {})).status).toBe(409);
      const [instance] = suite.instances('advertising');
      // the sweep every instance runs on its timer, run now (another instance's may have taken the order first)
      await instance.get(OrderTransitionsService).sweep();
      const expired = await agency.api.get<OrderView>(`/v1/advertising/orders/${order.body.id}`);
      expect(expired.body).toMatchObject({ status: 'canceled', holdExpiresAt: null });
      expect(expired.body.history.at(-1)).toMatchObject({
        from: 'submitted',
        to: 'canceled',
        actor: 'advertising',
        reason: 'the hold expired',
      });
      expect(await stored(unit.id)).toEqual([{ capacity: 10_000, sold: 0, held: 0 }]);
    });
  });

  describe('order lifecycle', () => {
    it('moves draft → submitted → approved, audits who and why, and invoices each line for finance', async () => {
      const unit = await bookableUnit(agency, siteId, 'approved-unit', 10_000);
      const { advertiser, client } = await advertiserWithKey(agency, api, 'Approved');
      const order = await placeOrder(client, { lines: [cpmLine(unit.id, 1000, dayFromToday(3), dayFromToday(5))] });
      expect(order.body).toMatchObject({ advertiserId: advertiser.id, status: 'draft', total: '165000', vat: '15000' });
      expect((await client.post(`/v1/advertising/orders/${order.body.id}/submit`, {})).status).toBe(200);
      expect((await client.post(`/v1/advertising/orders/${order.body.id}/approve`, {})).status).toBe(403);
      const approved = await agency.api.post<OrderView>(`/v1/advertising/orders/${order.body.id}/approve`, {
        reason: 'creative checked',
      });
      expect(approved.body).toMatchObject({ status: 'approved', holdExpiresAt: null });
      expect(approved.body.history.map((h) => `${h.from}→${h.to}`)).toEqual(['draft→submitted', 'submitted→approved']);
      expect(approved.body.history[1]).toMatchObject({
        reason: 'creative checked',
        actor: expect.stringMatching(/^api-key:/),
      });
      const { rows: invoiced } = await db.query(
        `SELECT envelope FROM advertising.outbox WHERE subject = 'evt.advertising.booking.invoiced.v1' AND envelope->'data'->>'bookingId' = $1`,
        [order.body.lines[0].id],
      );
      expect(invoiced.map((row: { envelope: { data: unknown } }) => row.envelope.data)).toEqual([
        expect.objectContaining({
          advertiserId: advertiser.id,
          siteId,
          adUnitId: unit.id,
          pricingModel: 'cpm',
          currency: 'VND',
          amount: '165000',
          tax: '15000',
        }),
      ]);
      const { rows: audited } = await db.query(
        `SELECT envelope->'data'->>'action' AS action FROM advertising.outbox
         WHERE subject = 'evt.advertising.configuration.changed.v1' AND envelope->>'subject' = $1 ORDER BY seq`,
        [order.body.id],
      );
      expect(audited.map((row: { action: string }) => row.action)).toEqual([
        'order.created',
        'order.submitted',
        'order.approved',
      ]);
    });

    it('refuses what the lifecycle does not allow, and a reject or cancel without a reason', async () => {
      const unit = await bookableUnit(agency, siteId, 'refusing-unit', 10_000);
      const { advertiser, client } = await advertiserWithKey(agency, api, 'Refused');
      const order = await placeOrder(agency.api, { advertiserId: advertiser.id, lines: [cpmLine(unit.id, 1000)] });
      const path = `/v1/advertising/orders/${order.body.id}`;
      expect((await agency.api.post(`${path}/approve`, {})).status).toBe(409);
      expect((await agency.api.post(`${path}/reject`, { reason: 'no' })).status).toBe(409);
      await agency.api.post(`${path}/submit`, {});
      expect((await agency.api.post(`${path}/submit`, {})).status).toBe(409);
      const noReason = await agency.api.post(`${path}/reject`, {});
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason.body)).toEqual(['reason']);
      expect((await agency.api.post(`${path}/reject`, { reason: 'wrong category' })).status).toBe(200);
      expect((await agency.api.post(`${path}/cancel`, { reason: 'too late' })).status).toBe(409);
      expect(await stored(unit.id)).toEqual([{ capacity: 10_000, sold: 0, held: 0 }]);
      // an advertiser cancels its own drafts, not an approved order
      const own = await placeOrder(client, { lines: [cpmLine(unit.id, 1000)] });
      await agency.api.post(`/v1/advertising/orders/${own.body.id}/submit`, {});
      await agency.api.post(`/v1/advertising/orders/${own.body.id}/approve`, {});
      expect(
        (await client.post(`/v1/advertising/orders/${own.body.id}/cancel`, { reason: 'changed mind' })).status,
      ).toBe(403);
      const canceled = await agency.api.post<OrderView>(`/v1/advertising/orders/${own.body.id}/cancel`, {
        reason: 'changed mind',
      });
      // canceled 48-72 h before the flight (it begins on the third day from today): 70 % of 50,000 taxable
      expect(canceled.body).toMatchObject({ status: 'canceled', cancellationPenalty: '35000' });
      expect(await stored(unit.id)).toEqual([{ capacity: 10_000, sold: 0, held: 0 }]);
    });
  });

  describe('advertisers see only their own orders', () => {
    let a: Awaited<ReturnType<typeof advertiserWithKey>>;
    let b: Awaited<ReturnType<typeof advertiserWithKey>>;
    let ofA: OrderView;
    let ofB: OrderView;
    let unitId: string;

    beforeAll(async () => {
      unitId = (await bookableUnit(agency, siteId, 'isolated-unit', 10_000)).id;
      a = await advertiserWithKey(agency, api, 'Advertiser A');
      b = await advertiserWithKey(agency, api, 'Advertiser B');
      ofA = (await placeOrder(a.client, { lines: [cpmLine(unitId, 1000)] })).body;
      ofB = (await placeOrder(b.client, { lines: [cpmLine(unitId, 1000)] })).body;
    });

    /** Every order route with an id, as advertiser A calls it on B's order: not found, or (staff only) forbidden. */
    const CROSS_ADVERTISER: [string, string, number][] = [
      ['GET', '', 404],
      ['POST', '/submit', 404],
      ['POST', '/cancel', 404],
      ['POST', '/approve', 403],
      ['POST', '/reject', 403],
    ];

    it.each(CROSS_ADVERTISER)(
      "answers advertiser A's %s of B's order%s with %s, and changes nothing",
      async (method, suffix, status) => {
        const path = `/v1/advertising/orders/${ofB.id}`;
        const answer = await a.client.send(
          method,
          `${path}${suffix}`,
          method === 'GET' ? undefined : { reason: 'intrusion' },
        );
        expect(answer.status).toBe(status);
        expect((await agency.api.get<OrderView>(path)).body).toMatchObject({ status: 'draft', history: [] });
      },
    );

    it("lists A's own orders only, and books nothing in B's name", async () => {
      const listed = await a.client.get<{ items: OrderView[] }>(
        `/v1/advertising/orders?advertiserId=${b.advertiser.id}`,
      );
      expect(listed.body.items.map((order) => order.id)).toEqual([ofA.id]);
      const inB = await placeOrder(a.client, { advertiserId: b.advertiser.id, lines: [cpmLine(unitId, 1)] });
      expect(inB.status).toBe(404);
      expect(await stored(unitId)).toEqual([{ capacity: 10_000, sold: 0, held: 2000 }]);
    });

    it('keeps inventory, rate cards and advertisers to staff', async () => {
      expect((await a.client.get('/v1/advertising/ad-units')).status).toBe(403);
      expect((await a.client.get(`/v1/advertising/ad-units/${unitId}/rate-card`)).status).toBe(403);
      expect((await a.client.get(`/v1/advertising/advertisers/${b.advertiser.id}`)).status).toBe(403);
      const more = await a.client.post(`/v1/advertising/advertisers/${a.advertiser.id}/api-keys`, { name: 'more' });
      expect(more.status).toBe(403);
    });
  });

  describe('bad input books nothing', () => {
    it.each([
      ['a past flight', (unit: string) => cpmLine(unit, 1000, dayFromToday(-1)), 'lines[0].flightStart'],
      [
        'a flight ending before it starts',
        (unit: string) => cpmLine(unit, 1000, dayFromToday(5), dayFromToday(4)),
        'lines[0].flightEnd',
      ],
      ['a negative goal', (unit: string) => cpmLine(unit, -5), 'lines[0].impressionsPerDay'],
      [
        'a cpm line without a goal',
        (unit: string) => ({ ...cpmLine(unit, 1), impressionsPerDay: undefined }),
        'lines[0].impressionsPerDay',
      ],
      ['an unknown unit', () => cpmLine('00000000-0000-4000-8000-000000000000', 1000), 'lines[0].adUnitId'],
      ['a day the calendar lacks', (unit: string) => cpmLine(unit, 1000, '2031-02-30'), 'lines[0].flightStart'],
    ])('refuses %s naming the field', async (_what, lineOf, field) => {
      const unit = await bookableUnit(agency, siteId, `bad-${field.length}-${Math.random().toString(36).slice(2, 8)}`);
      const { advertiser } = await advertiserWithKey(agency, api, 'Careless');
      const answer = await placeOrder(agency.api, { advertiserId: advertiser.id, lines: [lineOf(unit.id)] });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toContain(field);
      expect(await stored(unit.id)).toEqual([]);
      expect(
        (await agency.api.get<{ items: unknown[] }>(`/v1/advertising/orders?advertiserId=${advertiser.id}`)).body.items,
      ).toEqual([]);
    });
  });
});
