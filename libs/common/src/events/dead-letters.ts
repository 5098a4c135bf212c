import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { DEAD_LETTER_STREAM, MessageHeader } from '@libs/contracts';

export interface DeadLetterSelection {
  /** `dlq.<service>.` for one service, `dlq.<service>.<durable>` for one consumer. */
  subjectPrefix: string;
  dryRun?: boolean;
}

export interface ReplayedLetter {
  seq: number;
  /** The envelope's id, when the letter is a readable envelope. */
  eventId: string | null;
  originalSubject: string;
  consumer: string;
  error: string;
}

/**
 * Puts dead-lettered events back on their original subject, once their cause is mended, and
 * removes them from the dead-letter stream. Safe to repeat: consumers that already processed an
 * event find it in their inbox and change nothing; a failed event left no inbox row behind.
 */
export async function replayDeadLetters(nc: NatsConnection, selection: DeadLetterSelection): Promise<ReplayedLetter[]> {
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const info = await jsm.streams.info(DEAD_LETTER_STREAM.name).catch(() => null);
  if (!info || info.state.messages === 0) return [];
  const replayed: ReplayedLetter[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const letter = await jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq }).catch(() => null);
    if (!letter || !letter.subject.startsWith(selection.subjectPrefix)) continue;
    const originalSubject = letter.header.get('x-original-subject');
    if (!originalSubject) continue;
    replayed.push({
      seq,
      eventId: envelopeIdOf(letter.string()),
      originalSubject,
      consumer: letter.header.get('x-consumer'),
      error: letter.header.get('x-error'),
    });
    if (selection.dryRun) continue;
    const h = natsHeaders();
    for (const key of [MessageHeader.tenantId, MessageHeader.requestId]) {
      const value = letter.header.get(key);
      if (value) h.set(key, value);
    }
    await js.publish(originalSubject, letter.data, { headers: h, msgID: `replay:${DEAD_LETTER_STREAM.name}:${seq}` });
    await jsm.streams.deleteMessage(DEAD_LETTER_STREAM.name, seq);
  }
  return replayed;
}

function envelopeIdOf(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
