import { jetstream, jetstreamManager, StoredMsg, StreamInfo } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '@libs/common';
import { randomUUID } from 'node:crypto';
import { DEAD_LETTER_STREAM, EventEnvelope, eventStreamOf, MessageHeader } from '@libs/contracts';
import { TEST_FIXTURE_HEADER } from './document-conformance';

/** Direct JetStream access for tests that play the broker's part (redeliveries, poison). */
export class JetStreamProbe {
  private constructor(private readonly nc: NatsConnection) {}

  static async connect(url: string): Promise<JetStreamProbe> {
    return new JetStreamProbe(await connectNats(url, 'test-probe'));
  }

  /** Publishes an envelope as the owning service's relay would; a fresh msg id bypasses dedup. */
  async publish(envelope: EventEnvelope<unknown>, msgId = randomUUID()): Promise<void> {
    const h = natsHeaders();
    h.set(MessageHeader.tenantId, envelope.tenantId);
    h.set(TEST_FIXTURE_HEADER, '1');
    await jetstream(this.nc).publish(envelope.type, JSON.stringify(envelope), { msgID: msgId, headers: h });
  }

  async publishRaw(subject: string, data: string): Promise<void> {
    const h = natsHeaders();
    h.set(TEST_FIXTURE_HEADER, '1');
    await jetstream(this.nc).publish(subject, data, { msgID: randomUUID(), headers: h });
  }

  /** Every message in the dead-letter stream on `subject` (e.g. `dlq.finance.>`). */
  async deadLetters(subjectPrefix: string): Promise<StoredMsg[]> {
    const jsm = await jetstreamManager(this.nc);
    const info = await jsm.streams.info(DEAD_LETTER_STREAM.name).catch(() => null);
    if (!info || info.state.messages === 0) return [];
    const found: StoredMsg[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq });
      if (msg?.subject.startsWith(subjectPrefix)) found.push(msg);
    }
    return found;
  }

  /** Every event published on `subject` so far (from its owner's stream), oldest first. */
  async published<T = unknown>(subject: string): Promise<EventEnvelope<T>[]> {
    const jsm = await jetstreamManager(this.nc);
    const stream = eventStreamOf(subject);
    const info = await jsm.streams.info(stream).catch(() => null);
    if (!info || info.state.messages === 0) return [];
    const found: EventEnvelope<T>[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (msg?.subject === subject) found.push(msg.json<EventEnvelope<T>>());
    }
    return found;
  }

  /** A stream's configuration and state as the server holds them (null when it does not exist). */
  async stream(name: string): Promise<StreamInfo | null> {
    const jsm = await jetstreamManager(this.nc);
    return jsm.streams.info(name).catch(() => null);
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
