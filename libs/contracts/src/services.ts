import { allContracts } from './contract-registry';

/** The seven processes of the suite; each owns one Postgres schema and one JetStream stream of its facts. */
export const SERVICES = [
  'gateway',
  'paywall',
  'subscriptions',
  'payments',
  'advertising',
  'licensing',
  'finance',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * What a stream holds decides how long and how much of it is kept: `facts` (money and
 * configuration, kept for reconciliation; a full stream refuses new events, which wait in their
 * outbox) or `reads` (high-volume counts, kept days; a full stream drops its oldest).
 */
export type EventStreamKind = 'facts' | 'reads';

export interface EventStreamSpec {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly kind: EventStreamKind;
}

/**
 * High-volume events in a stream of their own, so their volume can never fill the stream that
 * carries a service's money events. Their subjects leave the service's main stream.
 */
export const HIGH_VOLUME_EVENT_STREAMS: readonly (EventStreamSpec & { service: ServiceName })[] = [
  {
    service: 'paywall',
    name: 'EVT_PAYWALL_READS',
    subjects: ['evt.paywall.read.recorded.v1', 'evt.paywall.experiment-impression.recorded.v1'],
    kind: 'reads',
  },
];

/**
 * The JetStream streams that hold the facts published by one service: `EVT_<SERVICE>` with
 * `evt.<service>.>`, or, for a service with high-volume events, `EVT_<SERVICE>` with each of its
 * other events' subjects (streams may not overlap) and the high-volume streams.
 */
export function eventStreamsOf(service: ServiceName): EventStreamSpec[] {
  const name = `EVT_${service.toUpperCase()}`;
  const highVolume = HIGH_VOLUME_EVENT_STREAMS.filter((stream) => stream.service === service);
  if (highVolume.length === 0) return [{ name, subjects: [`evt.${service}.>`], kind: 'facts' }];
  const apart = new Set(highVolume.flatMap((stream) => stream.subjects));
  const subjects = allContracts()
    .filter((contract) => contract.kind === 'event' && contract.service === service && !apart.has(contract.subject))
    .map((contract) => contract.subject);
  return [
    { name, subjects, kind: 'facts' },
    ...highVolume.map(({ name, subjects, kind }) => ({ name, subjects, kind })),
  ];
}

/** The name of the stream that holds events of `subject` (`evt.<service>.…`). */
export function eventStreamOf(subject: string): string {
  const service = subject.split('.')[1];
  const highVolume = HIGH_VOLUME_EVENT_STREAMS.find((stream) => stream.subjects.includes(subject));
  return highVolume?.name ?? `EVT_${service.toUpperCase()}`;
}

/** Messages that failed every allowed delivery land here, one subject per consumer. */
export const DEAD_LETTER_STREAM = { name: 'DEAD_LETTERS', subjects: ['dlq.>'] };
