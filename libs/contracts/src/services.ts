/** The six processes of the suite; each owns one Postgres schema and one JetStream stream. */
export const SERVICES = ['gateway', 'paywall', 'subscriptions', 'advertising', 'licensing', 'finance'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The JetStream stream that holds the facts published by one service. */
export function eventStreamOf(service: ServiceName): { name: string; subjects: string[] } {
  return { name: `EVT_${service.toUpperCase()}`, subjects: [`evt.${service}.>`] };
}

/** Messages that failed every allowed delivery land here, one subject per consumer. */
export const DEAD_LETTER_STREAM = { name: 'DEAD_LETTERS', subjects: ['dlq.>'] };
