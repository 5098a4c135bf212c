import type { EventSubscription } from './event-consumer-host';

/**
 * The handlers of one event in one service (not named as a second consumer) share its delivery:
 * the event is read, validated and recorded in the inbox once, and every handler is called in
 * turn in the same transaction, so what they write commits together or not at all. The joint
 * consumer takes batches only as large as its smallest handler takes, and as many at once as
 * its most cautious handler allows.
 */
export function jointSubscriptions(subscriptions: EventSubscription[]): EventSubscription[] {
  const byConsumer = new Map<string, EventSubscription[]>();
  for (const subscription of subscriptions) {
    const key = `${subscription.contract.subject}\u0000${subscription.consumer ?? ''}`;
    byConsumer.set(key, [...(byConsumer.get(key) ?? []), subscription]);
  }
  return [...byConsumer.values()].map((handlers) => {
    if (handlers.length === 1) return handlers[0];
    return {
      contract: handlers[0].contract,
      consumer: handlers[0].consumer,
      maxBatch: Math.min(...handlers.map((h) => h.maxBatch)),
      inFlight: Math.min(...handlers.map((h) => h.inFlight)),
      handle: async (events, tx) => {
        for (const handler of handlers) await handler.handle(events, tx);
      },
    };
  });
}
