import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { connectNats, replayDeadLetters } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { AccountsService } from '../apps/finance/src/accounts/accounts.service';
import { defaultAccountsFor } from '../apps/finance/src/accounts/default-accounts';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

/** How many accounts a new agency's chart starts with. */
const DEFAULT_CHART_SIZE = defaultAccountsFor(randomUUID()).length;

describe('event delivery: outbox, inbox, retries, dead letters', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  async function financeMetrics(): Promise<string> {
    const texts = await Promise.all(
      suite
        .instances('finance')
        .map(async (app) =>
          fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
        ),
    );
    return texts.join('\n');
  }

  function countOf(metrics: string, outcome: string): number {
    const re = new RegExp(
      `events_consumed_total\\{consumer="finance__evt_gateway_tenant_created_v1",outcome="${outcome}",service="finance"\\} (\\d+)`,
      'g',
    );
    return [...metrics.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  async function outboxEnvelope(tenantId: string): Promise<EventEnvelope<TenantCreatedEvent>> {
    const gateway = suite.instances('gateway')[0].get(DataSource);
    const rows: { envelope: EventEnvelope<TenantCreatedEvent> }[] = await gateway.query(
      `SELECT envelope FROM gateway.outbox WHERE subject = $1 AND envelope->>'tenantId' = $2`,
      [TenantCreated.subject, tenantId],
    );
    return rows[0].envelope;
  }

  async function accountCount(tenantId: string): Promise<number> {
    const finance = suite.instances('finance')[0].get(AccountsService);
    return (await finance.list(tenantId)).length;
  }

  it('processes an event published while the consumer was down, once, when it comes back', async () => {
    await suite.stopService('finance');
    const agency = await createAgency(api, suite.operatorToken);
    const whileDown = await agency.api.get('/v1/finance/accounts');
    expect(whileDown.status).toBe(503);
    await suite.startInstance('finance');
    await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE));
    await eventually(async () => expect(countOf(await financeMetrics(), 'processed')).toBe(1));
  });

  it('changes nothing when the same event is delivered again', async () => {
    const agency = await createAgency(api, suite.operatorToken);
    await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE));
    const envelope = await outboxEnvelope(agency.tenantId);
    const duplicatesBefore = countOf(await financeMetrics(), 'duplicate');
    await probe.publish(envelope);
    await probe.publish(envelope);
    await eventually(async () => expect(countOf(await financeMetrics(), 'duplicate')).toBe(duplicatesBefore + 2));
    expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE);
  });

  it('retries a failing event a bounded number of times, then dead-letters it', async () => {
    const agency = await createAgency(api, suite.operatorToken);
    await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE));
    // Another fact (new id) about a tenant finance already has: provisioning it again fails.
    const conflicting = { ...(await outboxEnvelope(agency.tenantId)), id: randomUUID() };
    await probe.publish(conflicting);
    await eventually(async () => {
      const letters = await probe.deadLetters('dlq.finance.');
      expect(letters.map((m) => (m.json() as EventEnvelope).id)).toContain(conflicting.id);
    }, 20_000);
    const letter = (await probe.deadLetters('dlq.finance.')).find(
      (m) => (m.json() as EventEnvelope).id === conflicting.id,
    )!;
    expect(letter.header.get('x-consumer')).toBe('finance__evt_gateway_tenant_created_v1');
    expect(letter.header.get('x-error')).toMatch(/duplicate key/);
    expect(countOf(await financeMetrics(), 'retry')).toBeGreaterThanOrEqual(2);
    expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE);
  });

  it('replays a dead letter once its cause is mended, and only once', async () => {
    const agency = await createAgency(api, suite.operatorToken);
    await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE));
    const conflicting = { ...(await outboxEnvelope(agency.tenantId)), id: randomUUID() };
    await probe.publish(conflicting);
    const isOurs = (m: { json<T>(): T }) => m.json<EventEnvelope>().id === conflicting.id;
    await eventually(async () => expect((await probe.deadLetters('dlq.finance.')).some(isOurs)).toBe(true), 20_000);
    // Mend the cause: finance forgets the agency, so provisioning it again can succeed.
    const finance = suite.instances('finance')[0].get(DataSource);
    await finance.query('DELETE FROM finance.accounts WHERE tenant_id = $1', [agency.tenantId]);
    await finance.query('DELETE FROM finance.tenants WHERE tenant_id = $1', [agency.tenantId]);
    const nc = await connectNats(suite.nats.url, 'replay-test');
    try {
      const replayed = await replayDeadLetters(nc, { subjectPrefix: 'dlq.finance.' });
      expect(replayed.find((l) => l.eventId === conflicting.id)?.originalSubject).toBe(TenantCreated.subject);
      await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE));
      expect((await probe.deadLetters('dlq.finance.')).some(isOurs)).toBe(false);
      const again = await replayDeadLetters(nc, { subjectPrefix: 'dlq.finance.', dryRun: true });
      expect(again.map((l) => l.eventId)).not.toContain(conflicting.id);
    } finally {
      await nc.close();
    }
  });

  it('dead-letters a message it cannot read at once, and keeps consuming', async () => {
    await probe.publishRaw(TenantCreated.subject, '{"not":"an envelope"');
    await eventually(async () => {
      const letters = await probe.deadLetters('dlq.finance.');
      expect(letters.some((m) => m.string() === '{"not":"an envelope"')).toBe(true);
    });
    const agency = await createAgency(api, suite.operatorToken);
    await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE));
  });

  it('loses nothing the gateway acknowledged while NATS was down', async () => {
    await suite.nats.stop();
    const agency = await createAgency(api, suite.operatorToken);
    await suite.nats.start();
    await eventually(async () => expect(await accountCount(agency.tenantId)).toBe(DEFAULT_CHART_SIZE), 30_000);
    await eventually(
      async () =>
        expect((await agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items).toHaveLength(
          DEFAULT_CHART_SIZE,
        ),
      20_000,
    );
  });
});
