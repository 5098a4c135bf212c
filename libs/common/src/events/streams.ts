import { JetStreamApiError, JetStreamManager, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM, eventStreamOf, ServiceName } from '@libs/contracts';

const DAY_NS = nanos(24 * 60 * 60 * 1000);

function streamConfig(
  name: string,
  subjects: string[],
  replicas: number,
  maxAgeDays: number,
): Partial<StreamConfig> & { name: string } {
  return {
    name,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
    max_age: maxAgeDays * DAY_NS,
    duplicate_window: nanos(2 * 60 * 1000),
  };
}

/**
 * Creates (or brings up to date) the event stream of `owner` and the dead-letter stream, and
 * creates the streams of `consumed` services when they do not exist yet (their owner brings them
 * up to date; a service's bus permissions let it change only its own). Idempotent, so every
 * service calls it at start for what it publishes and consumes.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  owner: ServiceName,
  consumed: Iterable<ServiceName>,
  replicas: number,
): Promise<void> {
  const own = [
    streamConfig(eventStreamOf(owner).name, eventStreamOf(owner).subjects, replicas, 365),
    streamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, replicas, 90),
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
    const { name, subjects } = eventStreamOf(service);
    if (await jsm.streams.info(name).catch(() => null)) continue;
    await jsm.streams.add(streamConfig(name, subjects, replicas, 365)).catch((error: unknown) => {
      // Its owner created it meanwhile.
      if (!(error instanceof JetStreamApiError)) throw error;
    });
  }
}
