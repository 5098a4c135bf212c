import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createServiceDataSource, MessagingRetentionSchedule, ServiceOptions } from '@libs/common';
import { eventually } from '@libs/testing';
import { TestSuite } from './support/test-suite';

/**
 * Retention: each instance sweeps every RETENTION_SWEEP_INTERVAL_S (1 s here); rows are written
 * with old timestamps, and the sweep must delete those past their period and keep the newer and
 * the unfinished ones.
 */
describe('retention of operational rows', () => {
  let suite: TestSuite;
  let db: Client;
  const tenantId = randomUUID();
  const today = Math.floor(Date.now() / 86_400_000);

  const countOf = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0].n);

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments'], {
      RETENTION_SWEEP_INTERVAL_S: '1',
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('deletes rows older than their period, and keeps newer and unfinished ones', async () => {
    // Outbox (7 days, published only) and inbox (30 days), in the gateway's schema like every service's.
    const outbox = (id: string, publishedAgo: string | null, createdAgo: string) =>
      db.query(
        `INSERT INTO gateway.outbox (id, subject, envelope, created_at, published_at)
         VALUES ($1, 'evt.test.retention.v1', '{}', now() - $3::interval, now() - $2::interval)`,
        [id, publishedAgo, createdAgo],
      );
    const [oldPublished, newPublished] = [randomUUID(), randomUUID()];
    await outbox(oldPublished, '8 days', '8 days');
    await outbox(newPublished, '6 days', '6 days');
    const inbox = (id: string, ago: string) =>
      db.query(
        `INSERT INTO gateway.inbox (consumer, event_id, subject, processed_at) VALUES ('retention-test', $1, 'evt.x.v1', now() - $2::interval)`,
        [id, ago],
      );
    const [oldInbox, newInbox] = [randomUUID(), randomUUID()];
    await inbox(oldInbox, '31 days');
    await inbox(newInbox, '29 days');

    // Idempotency records (24 hours) and sessions (30 days after they ended or were last seen).
    await db.query(
      `INSERT INTO gateway.idempotency_keys (scope, key, request_hash, state, created_at)
       VALUES ('user:old', 'k', 'h', 'completed', now() - interval '25 hours'),
              ('user:new', 'k', 'h', 'completed', now() - interval '23 hours')`,
    );
    const [endedLongAgo, idleLongAgo, endedLately] = [randomUUID(), randomUUID(), randomUUID()];
    await db.query(
      `INSERT INTO gateway.sessions (id, tenant_id, user_id, last_seen_at, ended_at) VALUES
         ($1, $4, $4, now() - interval '40 days', now() - interval '31 days'),
         ($2, $4, $4, now() - interval '31 days', NULL),
         ($3, $4, $4, now() - interval '40 days', now() - interval '29 days')`,
      [endedLongAgo, idleLongAgo, endedLately, tenantId],
    );

    // Provider notifications (90 days after processing; never a pending or failed one).
    const notification = (id: string, processedAgo: string | null, failedAgo: string | null) =>
      db.query(
        `INSERT INTO subscriptions.provider_notifications
           (tenant_id, provider_notification_id, type, parsed, occurred_at, received_at, next_attempt_at, processed_at, failed_at)
         VALUES ($1, $2, 'test.retention', '{}', now() - interval '200 days', now() - interval '200 days',
                 now() + interval '1 year', now() - $3::interval, now() - $4::interval)`,
        [tenantId, id, processedAgo, failedAgo],
      );
    await notification('evt_processed_old', '91 days', null);
    await notification('evt_processed_new', '89 days', null);
    await notification('evt_pending_old', null, null);
    await notification('evt_failed_old', null, '200 days');

    // Rail notifications (90 days after they were applied; never one not applied).
    const railNotification = (key: string, processedAgo: string | null) =>
      db.query(
        `INSERT INTO payments.rail_notifications
           (tenant_id, account_id, rail, dedupe_key, order_reference, method, query, body, verdict, received_at, processed_at)
         VALUES ($1, $1, 'momo', $2, 'o', 'POST', '', '\\x7b7d', CASE WHEN $3::interval IS NULL THEN NULL ELSE 'accepted' END,
                 now() - interval '200 days', now() - $3::interval)`,
        [tenantId, key, processedAgo],
      );
    await railNotification('rail_applied_old', '91 days');
    await railNotification('rail_applied_new', '89 days');
    await railNotification('rail_unapplied_old', null);

    // Reader reads (100 days after their local day).
    await db.query(
      `INSERT INTO paywall.reader_reads (tenant_id, reader_key, article, day) VALUES ($1, 'r', 'old', $2), ($1, 'r', 'new', $3)`,
      [tenantId, today - 101, today - 99],
    );

    await eventually(async () => {
      expect(await countOf(`gateway.outbox WHERE id = $1`, [oldPublished])).toBe(0);
      expect(await countOf(`gateway.inbox WHERE event_id = $1`, [oldInbox])).toBe(0);
      expect(await countOf(`gateway.idempotency_keys WHERE scope = 'user:old'`)).toBe(0);
      expect(await countOf(`gateway.sessions WHERE id = ANY($1)`, [[endedLongAgo, idleLongAgo]])).toBe(0);
      expect(
        await countOf(`subscriptions.provider_notifications WHERE provider_notification_id = 'evt_processed_old'`),
      ).toBe(0);
      expect(await countOf(`paywall.reader_reads WHERE tenant_id = $1 AND article = 'old'`, [tenantId])).toBe(0);
      expect(await countOf(`payments.rail_notifications WHERE dedupe_key = 'rail_applied_old'`)).toBe(0);
    });

    expect(await countOf(`gateway.outbox WHERE id = ANY($1)`, [[newPublished]])).toBe(1);
    expect(await countOf(`gateway.inbox WHERE event_id = $1`, [newInbox])).toBe(1);
    expect(await countOf(`gateway.idempotency_keys WHERE scope = 'user:new'`)).toBe(1);
    expect(await countOf(`gateway.sessions WHERE id = $1`, [endedLately])).toBe(1);
    expect(
      (
        await db.query<{ id: string }>(
          `SELECT provider_notification_id AS id FROM subscriptions.provider_notifications WHERE tenant_id = $1 ORDER BY 1`,
          [tenantId],
        )
      ).rows.map((row) => row.id),
    ).toEqual(['evt_failed_old', 'evt_pending_old', 'evt_processed_new']);
    expect(await countOf(`paywall.reader_reads WHERE tenant_id = $1 AND article = 'new'`, [tenantId])).toBe(1);
    expect(
      (
        await db.query<{ key: string }>(
          `SELECT dedupe_key AS key FROM payments.rail_notifications WHERE tenant_id = $1 ORDER BY 1`,
          [tenantId],
        )
      ).rows.map((row) => row.key),
    ).toEqual(['rail_applied_new', 'rail_unapplied_old']);
  });

  it('never deletes an outbox row not yet published, however old', async () => {
    // Finance does not run in this suite, so no relay publishes its outbox while the sweep runs.
    const dataSource = await createServiceDataSource({
      url: suite.database.url,
      schema: 'finance',
      entities: [],
      migrations: [],
    }).initialize();
    try {
      const env = suite.envOf('finance');
      const sweep = new MessagingRetentionSchedule(dataSource, env, { service: 'finance' } as ServiceOptions);
      const [unpublished, published] = [randomUUID(), randomUUID()];
      await db.query(
        `INSERT INTO finance.outbox (id, subject, envelope, created_at, published_at) VALUES
           ($1, 'evt.test.retention.v1', '{}', now() - interval '400 days', NULL),
           ($2, 'evt.test.retention.v1', '{}', now() - interval '400 days', now() - interval '399 days')`,
        [unpublished, published],
      );
      expect(await sweep.sweep()).toMatchObject({ 'published outbox rows': 1 });
      expect(await countOf(`finance.outbox WHERE id = $1`, [unpublished])).toBe(1);
      expect(await countOf(`finance.outbox WHERE id = $1`, [published])).toBe(0);
      await db.query(`DELETE FROM finance.outbox WHERE id = $1`, [unpublished]);
    } finally {
      await dataSource.destroy();
    }
  });
});
