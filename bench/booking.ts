import 'reflect-metadata';
import { Client } from 'pg';
import { withStack } from './stack';

/**
 * `npm run bench:booking`: the gateway and two advertising instances as their own processes, on
 * one database. One unit can hold 100 bookings a day (capacity 100,000 impressions, each attempt
 * asks 1,000 on the same day); 1,000 booking attempts are sent at once through the gateway, and
 * the instances share them (one queue group). Every attempt must be answered 201 (booked) or 409
 * (no room); afterwards the unit-day row and the stored line days are read back from PostgreSQL.
 * `overbooked` is what the stored holds exceed capacity by (and any booking beyond 100);
 * `bookings_per_s` counts attempts answered (booked or refused) per second of the burst.
 */
const ATTEMPTS = Number(process.env.BENCH_BOOKING_ATTEMPTS ?? 1_000);
const ROOM = 100;
const PER_BOOKING = 1_000;

type Call = <T>(method: string, path: string, body?: unknown, bearer?: string) => Promise<{ status: number; body: T }>;

async function main(): Promise<void> {
  await withStack(['gateway', 'advertising', 'advertising'], async ({ urls, databaseUrl, operatorToken }) => {
    const call: Call = async <T>(method: string, path: string, body?: unknown, bearer?: string) => {
      const response = await fetch(`${urls.gateway}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as T };
    };
    const agency = await call<{ adminApiKey: { secret: string } }>(
      'POST',
      '/v1/tenants',
      { name: 'Báo bench', slug: `bench-booking-${Date.now()}` },
      operatorToken,
    );
    const key = agency.body.adminApiKey.secret;
    const site = await call<{ id: string }>('POST', '/v1/sites', { name: 'Bench', domain: 'bench.example.vn' }, key);
    const unitBody = {
      siteId: site.body.id,
      code: 'bench-unit',
      name: 'Bench unit',
      format: 'display',
      sizes: ['300x250'],
      pageTypes: ['home'],
      dailyCapacity: ROOM * PER_BOOKING,
    };
    // advertising follows the agency and its site from the gateway's events
    const unit = await until(async () => {
      const created = await call<{ id: string }>('POST', '/v1/advertising/ad-units', unitBody, key);
      if (created.status !== 201) throw new Error(`ad unit: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body;
    });
    const card = await call(
      'PUT',
      `/v1/advertising/ad-units/${unit.id}/rate-card`,
      {
        cpdPrice: '10000000',
        cpmPrice: '50000',
        sponsorshipDayPrice: null,
        vatRateBp: 1000,
        seasonalMultipliers: [],
        volumeDiscounts: [],
        commissionTiers: [],
        cancellationPenalties: [],
      },
      key,
    );
    if (card.status !== 200) throw new Error(`rate card: ${card.status}`);
    const advertiser = await call<{ id: string }>(
      'POST',
      '/v1/advertising/advertisers',
      { name: 'Bench', category: 'retail' },
      key,
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const order = {
      advertiserId: advertiser.body.id,
      name: 'Bench booking',
      lines: [
        { adUnitId: unit.id, pricingModel: 'cpm', flightStart: day, flightEnd: day, impressionsPerDay: PER_BOOKING },
      ],
    };

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: ATTEMPTS }, async () => {
        const at = performance.now();
        const answer = await call('POST', '/v1/advertising/orders', order, key);
        latencies.push(performance.now() - at);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows: days } = await db.query<{ capacity: number; sold: number; held: number }>(
        'SELECT capacity, sold, held FROM advertising.inventory_days WHERE ad_unit_id = $1',
        [unit.id],
      );
      const { rows: lines } = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM advertising.order_line_days WHERE ad_unit_id = $1',
        [unit.id],
      );
      const confirmed = statuses.get(201) ?? 0;
      const taken = days.reduce((total, row) => total + row.sold + row.held, 0);
      const overbooked = Math.max(0, taken - ROOM * PER_BOOKING) / PER_BOOKING + Math.max(0, confirmed - ROOM);
      const other = [...statuses].filter(([status]) => status !== 201 && status !== 409);
      if (other.length > 0) console.error(`answers other than 201 and 409: ${JSON.stringify(other)}`);
      if (Number(lines[0].n) !== confirmed) console.error(`stored ${lines[0].n} bookings, answered ${confirmed}`);
      latencies.sort((a, b) => a - b);
      console.log(
        JSON.stringify({
          bench: 'booking',
          attempts: ATTEMPTS,
          capacity: ROOM,
          confirmed,
          overbooked,
          refused: statuses.get(409) ?? 0,
          bookings_per_s: Math.round(ATTEMPTS / seconds),
          p99_ms: Math.round(latencies[Math.floor(latencies.length * 0.99) - 1]),
        }),
      );
    } finally {
      await db.end();
    }
  });
}

async function until<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
