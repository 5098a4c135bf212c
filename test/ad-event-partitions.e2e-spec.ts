import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AdEventPartitionsSchedule } from '../apps/advertising/src/tracking/ad-event-partitions.schedule';
import { TestSuite } from './support/test-suite';

const DAY_MS = 86_400_000;
const NOW = new Date();
const dayAt = (offset: number) => new Date(NOW.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => dayAt(from + i));

/**
 * The partition job on the real table: it runs at start, and is run here as of later days (the
 * clock moved on) to see partitions made ahead, dropped past retention (90 days), and rows that
 * landed in the DEFAULT partition left there, reported, and deleted once past retention.
 */
describe('partitions of raw ad events', () => {
  let suite: TestSuite;
  let db: Client;
  let job: AdEventPartitionsSchedule;

  const partitionDays = async () =>
    (
      await db.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'advertising.ad_events'::regclass`,
      )
    ).rows
      .map(({ name }) =>
        name === 'ad_events_default' ? 'default' : `${name.slice(11, 15)}-${name.slice(15, 17)}-${name.slice(17)}`,
      )
      .sort();
  /** A raw event decided on `day`; answers its beacon id. */
  const eventOn = async (day: string) => {
    const beaconId = randomUUID();
    const id = randomUUID();
    await db.query(
      `INSERT INTO advertising.ad_events (decided_on, beacon_id, kind, tenant_id, site_id, order_id, line_id, ad_unit_id,
         creative_id, day, hour, occurred_at) VALUES ($1, $2, 'impression', $3, $3, $3, $3, $3, $3, $1, 8, now())`,
      [day, beaconId, id],
    );
    return beaconId;
  };
  const whereIs = async (beaconId: string) =>
    (
      await db.query<{ partition: string }>(
        `SELECT tableoid::regclass::text AS partition FROM advertising.ad_events WHERE beacon_id = $1`,
        [beaconId],
      )
    ).rows.map((row) => row.partition);
  const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

  beforeAll(async () => {
    suite = await TestSuite.start(['advertising']);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    job = suite.instances('advertising')[0].get(AdEventPartitionsSchedule);
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('has a partition for every day from yesterday to a week ahead once the service started', async () => {
    expect(await partitionDays()).toEqual([...days(-1, 7), 'default']);
  });

  it('is run by one instance at a time: it does nothing while another holds its lock', async () => {
    const lock = `hashtext('advertising.ad_events partitions')`;
    await db.query(`SELECT pg_advisory_lock(${lock})`);
    try {
      expect(await job.maintain(NOW)).toBeNull();
    } finally {
      await db.query(`SELECT pg_advisory_unlock(${lock})`);
    }
    expect(await job.maintain(NOW)).toMatchObject({ create: [], drop: [], blocked: [] });
  });

  it('leaves rows that reached the DEFAULT partition there, makes no partition for their day, and says so', async () => {
    const today = await eventOn(dayAt(0));
    const stray = await eventOn(dayAt(20));
    expect([await whereIs(today), await whereIs(stray)]).toEqual([
      [`advertising.ad_events_p${dayAt(0).replaceAll('-', '')}`],
      ['advertising.ad_events_default'],
    ]);
    const plan = await job.maintain(later(15));
    expect(plan).toMatchObject({ blocked: [dayAt(20)], drop: [] });
    expect(await partitionDays()).toEqual([...days(-1, 7), ...days(14, 22).filter((d) => d !== dayAt(20)), 'default']);
    expect(await whereIs(stray)).toEqual(['advertising.ad_events_default']);
    const metrics = await (await fetch(`${await suite.instances('advertising')[0].getUrl()}/metrics`)).text();
    expect(metrics).toMatch(/^advertising_ad_events_default_rows\{service="advertising"\} 1$/m);

    // 100 days on, the days before day 10 are past retention: their partitions go, with their rows
    await job.maintain(later(100));
    expect(await partitionDays()).toEqual([
      ...days(14, 22).filter((d) => d !== dayAt(20)),
      ...days(99, 107),
      'default',
    ]);
    expect(await whereIs(today)).toEqual([]);
    expect(await whereIs(stray)).toEqual(['advertising.ad_events_default']);

    // and the DEFAULT partition's rows go when their day passes retention too
    await job.maintain(later(111));
    expect(await whereIs(stray)).toEqual([]);
    expect((await partitionDays())[0]).toBe(dayAt(21));
  });
});
