import type { NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { ServiceMetrics } from '@libs/common';
import { PaywallEnv } from '../config/paywall.config';
import { ReaderMeters } from './reader-meters';

function meters(readersKept: number): ReaderMeters {
  const env = Object.assign(new PaywallEnv(), { PAYWALL_READER_METERS_MAX: readersKept });
  // Nothing here publishes: apply() only counts in memory.
  return new ReaderMeters(undefined as unknown as NatsConnection, env, { registry: new Registry() } as ServiceMetrics);
}

describe('ReaderMeters memory', () => {
  it('keeps the meters of at most PAYWALL_READER_METERS_MAX readers whatever 200,000 readers read', () => {
    const readerMeters = meters(1000);
    for (let i = 0; i < 200_000; i++)
      readerMeters.apply('tenant', randomBytes(12).toString('hex'), { article: 'a1', section: null, day: 20_000 });
    expect(readerMeters.meteredReaders).toBe(1000);
  });

  it('keeps a reader who keeps reading while others come and go', () => {
    const readerMeters = meters(1000);
    for (let i = 0; i < 5000; i++) {
      readerMeters.apply('tenant', 'regular', { article: `a${i % 3}`, section: null, day: 20_000 });
      readerMeters.apply('tenant', randomBytes(12).toString('hex'), { article: 'a1', section: null, day: 20_000 });
    }
    expect(readerMeters.readsOf('tenant', 'regular').map((read) => read.article)).toEqual(['a0', 'a1', 'a2']);
  });
});
