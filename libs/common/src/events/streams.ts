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
 * Creates (or brings up to date) the event streams of the given services and the dead-letter
 * stream. Idempotent, so every service calls it at start for what it publishes and consumes.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  services: Iterable<ServiceName>,
  replicas: number,
): Promise<void> {
  const wanted = [...new Set(services)].map((service) => {
    const { name, subjects } = eventStreamOf(service);
    return streamConfig(name, subjects, replicas, 365);
  });
  wanted.push(streamConfig(DEAD_LETTER_STREAM.name, DEAD_LETTER_STREAM.subjects, replicas, 90));
  for (const config of wanted) {
    try {
      await jsm.streams.add(config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      // Already there with another configuration (e.g. fewer replicas): bring it up to date.
      await jsm.streams.update(config.name, config);
    }
  }
}
