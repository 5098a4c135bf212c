import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { EventContract, ServiceName } from '@libs/contracts';
import { EventConsumerHost, EventSubscription } from './event-consumer-host';

const paid = {
  subject: 'evt.subscriptions.invoice.paid.v1',
  service: 'subscriptions' as ServiceName,
  data: Object,
} as unknown as EventContract<unknown>;

function handlerOf(fields: Partial<EventSubscription> = {}): EventSubscription {
  return { contract: paid, maxBatch: 1, inFlight: 1, handle: async () => undefined, ...fields };
}

describe('EventConsumerHost', () => {
  // Nothing is reached beyond the check: the host refuses before it creates any consumer.
  const host = new EventConsumerHost(
    'finance',
    {} as DataSource,
    {} as JetStreamClient,
    {} as JetStreamManager,
    5,
    30_000,
  );

  it('refuses two handlers of one event in a service: one handler calls the effects in order', async () => {
    await expect(host.start([handlerOf(), handlerOf({ maxBatch: 1000 })])).rejects.toThrow(
      'finance has two handlers of evt.subscriptions.invoice.paid.v1: one handler per event calls its effects in order',
    );
  });

  it('refuses two handlers of one named consumer of an event too', async () => {
    await expect(host.start([handlerOf({ consumer: 'audit' }), handlerOf({ consumer: 'audit' })])).rejects.toThrow(
      'for consumer audit',
    );
  });
});
