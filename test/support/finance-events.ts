import { randomUUID } from 'node:crypto';
import {
  EventContract,
  EventEnvelope,
  JournalEntryListResponse,
  JournalEntryView,
  TrialBalanceResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { createAgency, TestAgency } from './agencies';
import { Api } from './api';
import { JetStreamProbe } from './jetstream';
import { TestSuite } from './test-suite';

type Outcome = 'processed' | 'duplicate' | 'retry' | 'dead-lettered';

/** An envelope as the owning service's outbox would publish it (a fresh event id each call). */
export function envelopeOf<Data>(
  contract: EventContract<Data>,
  tenantId: string,
  data: Data,
  time: string,
): EventEnvelope<Data> {
  return {
    id: randomUUID(),
    type: contract.subject,
    source: contract.service,
    tenantId,
    time,
    subject: randomUUID(),
    dataVersion: contract.dataVersion,
    data,
  };
}

/** The same fact published again under a new event id (a reissue, not a redelivery). */
export function reissued<Data>(envelope: EventEnvelope<Data>): EventEnvelope<Data> {
  return { ...envelope, id: randomUUID() };
}

/** Publishes events to finance and waits until its consumers have taken each one. */
export class FinanceEventDelivery {
  constructor(
    private readonly suite: TestSuite,
    private readonly probe: JetStreamProbe,
  ) {}

  /** Events taken by every finance instance's consumers, by outcome. */
  async consumed(outcome: Outcome): Promise<number> {
    const texts = await Promise.all(
      this.suite
        .instances('finance')
        .map(async (app) =>
          fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
        ),
    );
    // Each event's own consumer in finance (a second, named consumer of an event, such as reconciliation's, is finance__<name>__…).
    const re = new RegExp(
      `events_consumed_total\\{consumer="finance__evt_[^"]+",outcome="${outcome}",service="finance"\\} (\\d+)`,
      'g',
    );
    return [...texts.join('\n').matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  private async taken(): Promise<{ ok: number; failed: number }> {
    const [processed, duplicate, retried, dead] = await Promise.all([
      this.consumed('processed'),
      this.consumed('duplicate'),
      this.consumed('retry'),
      this.consumed('dead-lettered'),
    ]);
    return { ok: processed + duplicate, failed: retried + dead };
  }

  /** Publishes all at once (consumers of different subjects take them in any order) and waits until each is taken, with no failed delivery. */
  async deliver(envelopes: EventEnvelope<unknown>[]): Promise<void> {
    const before = await this.taken();
    for (const envelope of envelopes) await this.probe.publish(envelope);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const now = await this.taken();
      // No consumer may fail, not even once (a deadlock retried is still a bug): fail at once, the service's log says why.
      if (now.failed !== before.failed)
        throw new Error(`${now.failed - before.failed} event deliveries failed in finance`);
      if (now.ok === before.ok + envelopes.length) return;
      if (Date.now() > deadline) throw new Error(`finance took ${now.ok - before.ok} of ${envelopes.length} events`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Publishes one at a time, each taken before the next: this exact order. */
  async deliverInOrder(envelopes: EventEnvelope<unknown>[]): Promise<void> {
    for (const envelope of envelopes) await this.deliver([envelope]);
  }
}

/** Balances by account code in one currency, as the trial balance states them; the trial balance sums to zero. */
export async function balancesIn(agency: TestAgency, currency: string): Promise<Record<string, string>> {
  const trial = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
  expect(trial.status).toBe(200);
  expect(trial.body.totals.map((t) => t.balance)).toEqual(trial.body.totals.map(() => '0'));
  return Object.fromEntries(
    trial.body.lines.filter((l) => l.currency === currency && l.balance !== '0').map((l) => [l.code, l.balance]),
  );
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}

/** An agency created through the gateway, once finance has provisioned its chart of accounts. */
export async function createFinanceAgency(api: Api, operatorToken: string): Promise<TestAgency> {
  const agency = await createAgency(api, operatorToken);
  await eventually(async () =>
    expect((await agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items?.length).toBeGreaterThan(0),
  );
  return agency;
}

/** The agency's journal, newest first (up to 100 entries), with a query such as `&stream=advertising`. */
export async function journalOf(agency: TestAgency, query = ''): Promise<JournalEntryView[]> {
  const page = await agency.api.get<JournalEntryListResponse>(`/v1/finance/journal-entries?limit=100${query}`);
  expect(page.status).toBe(200);
  return page.body.items;
}
