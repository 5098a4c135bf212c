import { ReadsRecorded, ReadsRecordedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { ReaderMeters } from '../apps/paywall/src/reader-meters/reader-meters';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

const PENDING_CAP = 1_000;
const READS = 1_500;

describe("logged-in readers' reads while NATS is away", () => {
  let suite: TestSuite;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'paywall'], { PAYWALL_PENDING_READS_MAX: String(PENDING_CAP) });
  });

  afterAll(async () => {
    await suite?.close();
  });

  async function droppedReads(): Promise<number> {
    const url = (await suite.instances('paywall')[0].getUrl()).replace('[::1]', '127.0.0.1');
    const text = await fetch(`${url}/metrics`).then((r) => r.text());
    return Number(/^paywall_reader_reads_dropped_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 'NaN');
  }

  it('keeps at most PAYWALL_PENDING_READS_MAX of them, drops and counts the oldest, and publishes the rest once NATS is back', async () => {
    const agency = await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
    const meters = suite.instances('paywall')[0].get(ReaderMeters);
    const day = Math.floor(Date.now() / 86_400_000);

    await suite.nats.stop();
    for (let n = 0; n < READS; n++)
      meters.record(agency.tenantId, `reader-${n}`, { article: 'a1', section: null, day });
    expect(meters.unpublishedReads).toBe(PENDING_CAP);
    expect(await droppedReads()).toBe(READS - PENDING_CAP);
    await suite.nats.start();

    const probe = await JetStreamProbe.connect(suite.nats.url);
    try {
      const publishedReaders = async () =>
        (await probe.published<ReadsRecordedEvent>(ReadsRecorded.subject))
          .filter((event) => event.tenantId === agency.tenantId)
          .flatMap((event) => event.data.reads.map((read) => read.readerKey));
      const published = await eventually(async () => {
        const readers = await publishedReaders();
        expect(readers).toHaveLength(PENDING_CAP);
        return readers;
      }, 30_000);
      expect(published[0]).toBe(`reader-${READS - PENDING_CAP}`);
      expect(meters.unpublishedReads).toBe(0);
    } finally {
      await probe.close();
    }
  });
});
