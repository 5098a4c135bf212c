import {
  DiscardPolicy,
  JetStreamApiError,
  JetStreamManager,
  RetentionPolicy,
  StorageType,
  StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { ServiceEnv } from '../config/service-env';
import { DEAD_LETTER_STREAM, EventStreamKind, eventStreamsOf, ServiceName } from '@libs/contracts';

const DAY_NS = nanos(24 * 60 * 60 * 1000);

/** How much of each kind of stream is kept (ServiceEnv: EVENT_STREAM_…, READ_STREAM_…). */
export interface StreamLimits {
  replicas: number;
  facts: { maxBytes: number; maxAgeDays: number };
  reads: { maxBytes: number; maxAgeDays: number };
}

/** The limits a service's environment sets. */
export function streamLimitsOf(env: ServiceEnv): StreamLimits {
  return {
    replicas: env.JETSTREAM_REPLICAS,
    facts: { maxBytes: env.EVENT_STREAM_MAX_BYTES, maxAgeDays: env.EVENT_STREAM_MAX_AGE_DAYS },
    reads: { maxBytes: env.READ_STREAM_MAX_BYTES, maxAgeDays: env.READ_STREAM_MAX_AGE_DAYS },
  };
}

/** How long dead letters are kept for someone to replay them. */
const DEAD_LETTER_DAYS = 90;

function streamConfig(
  name: string,
  subjects: readonly string[],
  replicas: number,
  kept: { maxBytes: number; maxAgeDays: number; discard: DiscardPolicy },
): Partial<StreamConfig> & { name: string } {
  return {
    name,
    subjects: [...subjects],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
    max_age: kept.maxAgeDays * DAY_NS,
    max_bytes: kept.maxBytes,
    discard: kept.discard,
    duplicate_window: nanos(2 * 60 * 1000),
  };
}

/**
 * A full facts stream refuses new events (they wait in their outbox, nothing is lost); a full
 * reads stream drops its oldest (counts already applied by every instance and stored).
 */
const DISCARD_OF: Record<EventStreamKind, DiscardPolicy> = { facts: DiscardPolicy.New, reads: DiscardPolicy.Old };

/**
 * Creates (or brings up to date) the event streams of `owner` and the dead-letter stream, and
 * creates the streams of `consumed` services when they do not exist yet (their owner brings them
 * up to date: a service's bus permissions let it change only its own). Idempotent, so every
 * service calls it at start for what it publishes and consumes. A service's main stream comes
 * before its high-volume streams: when an older main stream still holds their subjects, it lets
 * go of them before they are claimed.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  owner: ServiceName,
  consumed: Iterable<ServiceName>,
  limits: StreamLimits,
): Promise<void> {
  const configsOf = (service: ServiceName) =>
    eventStreamsOf(service).map(({ name, subjects, kind }) =>
      streamConfig(name, subjects, limits.replicas, { ...limits[kind], discard: DISCARD_OF[kind] }),
    );
  const own = [
    ...configsOf(owner),
    streamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, limits.replicas, {
      maxBytes: limits.facts.maxBytes,
      maxAgeDays: DEAD_LETTER_DAYS,
      discard: DiscardPolicy.New,
    }),
  ];
  for (const config of own) {
    try {
      await jsm.streams.add(config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      // Already there with another configuration (e.g. fewer replicas): bring it up to date.
      await jsm.streams.update(config.name, config);
    }
  }
  for (const service of new Set(consumed)) {
    if (service === owner) continue;
    for (const config of configsOf(service)) {
      if (await jsm.streams.info(config.name).catch(() => null)) continue;
      await jsm.streams.add(config).catch((error: unknown) => {
        // Its owner created it meanwhile.
        if (!(error instanceof JetStreamApiError)) throw error;
      });
    }
  }
}
