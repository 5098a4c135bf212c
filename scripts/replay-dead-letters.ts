import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectNats, replayDeadLetters } from '@libs/common';
import { SERVICES, ServiceName } from '@libs/contracts';

/**
 * `npm run events:replay -- --service finance [--consumer <durable>] [--dry-run]`: lists, then
 * re-publishes, the events that service dead-lettered (after the cause has been mended).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      service: { type: 'string' },
      consumer: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.service || !SERVICES.includes(values.service as ServiceName)) {
    throw new Error(`usage: events:replay -- --service <${SERVICES.join('|')}> [--consumer <durable>] [--dry-run]`);
  }
  const nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4223', 'dead-letter-replay', operator());
  try {
    const subjectPrefix = values.consumer ? `dlq.${values.service}.${values.consumer}` : `dlq.${values.service}.`;
    const letters = await replayDeadLetters(nc, { subjectPrefix, dryRun: values['dry-run'] });
    for (const l of letters)
      console.log(
        `${values['dry-run'] ? 'would replay' : 'replayed'} #${l.seq} event ${l.eventId ?? '(unreadable)'} on ${l.originalSubject} for ${l.consumer}: ${l.error}`,
      );
    console.log(`${letters.length} dead letter(s) ${values['dry-run'] ? 'found' : 'replayed'}`);
  } finally {
    await nc.drain();
  }
}

/** The bus's operator, as `npm start` configured it (unless NATS_URL carries credentials of its own). */
function operator(): { user?: string; password?: string } {
  const file = resolve(__dirname, '../../.local/secrets.json');
  if (process.env.NATS_URL?.includes('@') || !existsSync(file)) return {};
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { natsPasswords?: Record<string, string> };
  return { user: 'operator', password: saved.natsPasswords?.operator };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
