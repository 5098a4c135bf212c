import { nanos } from '@nats-io/transport-node';
import { CONFIGURATION_CHANGED, ExperimentImpressionsRecorded, ReadsRecorded } from '@libs/contracts';
import { Api } from './support/api';
import { createFinanceAgency, envelopeOf, FinanceEventDelivery, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { makeInvoice, paid } from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

const DAY_NS = nanos(24 * 60 * 60 * 1000);
const READ_STREAM_MAX_BYTES = 1024 * 1024;

describe('event streams: sizes, ages, and high-volume reads apart from money', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;

  beforeAll(async () => {
    // The gateway and finance create the paywall's streams too (they consume its events); no paywall runs, so nothing takes the reads.
    suite = await TestSuite.start(['gateway', 'finance'], { READ_STREAM_MAX_BYTES: String(READ_STREAM_MAX_BYTES) });
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it("keeps the paywall's reads and impressions in a stream of their own, for days, dropping the oldest when full", async () => {
    const reads = await probe.stream('EVT_PAYWALL_READS');
    expect(reads?.config).toMatchObject({
      subjects: [ReadsRecorded.subject, ExperimentImpressionsRecorded.subject],
      max_bytes: READ_STREAM_MAX_BYTES,
      max_age: 7 * DAY_NS,
      discard: 'old',
    });
    const facts = await probe.stream('EVT_PAYWALL');
    expect(facts?.config.subjects).toContain(CONFIGURATION_CHANGED.paywall.subject);
    expect(facts?.config.subjects).not.toContain(ReadsRecorded.subject);
    expect(facts?.config.subjects).not.toContain(ExperimentImpressionsRecorded.subject);
  });

  it('keeps money events for reconciliation, refusing new ones when full rather than losing any', async () => {
    for (const name of ['EVT_SUBSCRIPTIONS', 'EVT_FINANCE', 'EVT_GATEWAY', 'EVT_PAYWALL']) {
      const stream = await probe.stream(name);
      expect({ name, ...stream?.config }).toMatchObject({
        name,
        max_bytes: 512 * 1024 * 1024,
        max_age: 400 * DAY_NS,
        discard: 'new',
      });
    }
    expect((await probe.stream('DEAD_LETTERS'))?.config).toMatchObject({ max_age: 90 * DAY_NS, discard: 'new' });
  });

  it('takes reads past its cap by dropping the oldest, and money events still go through', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const body = JSON.stringify({ filler: 'r'.repeat(64 * 1024) });
    for (let i = 0; i < 40; i++) await probe.publishRaw(ReadsRecorded.subject, body);
    const reads = await probe.stream('EVT_PAYWALL_READS');
    expect(reads!.state.bytes).toBeLessThanOrEqual(READ_STREAM_MAX_BYTES);
    expect(reads!.state.first_seq).toBeGreaterThan(1);
    expect(reads!.state.last_seq).toBe(40);

    const change = envelopeOf(
      CONFIGURATION_CHANGED.paywall,
      agency.tenantId,
      {
        actor: 'operator',
        requestId: null,
        action: 'policy.published',
        targetType: 'policy',
        targetId: 'p1',
        before: null,
        after: null,
      },
      new Date().toISOString(),
    );
    await probe.publish(change);
    expect((await probe.published(CONFIGURATION_CHANGED.paywall.subject)).map((e) => e.id)).toEqual([change.id]);

    await new FinanceEventDelivery(suite, probe).deliver([paid(makeInvoice(agency.tenantId))]);
    expect((await journalOf(agency)).length).toBeGreaterThan(0);
  });
});
