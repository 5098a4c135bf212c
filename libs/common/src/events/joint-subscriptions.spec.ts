import { EntityManager } from 'typeorm';
import { EventContract, EventEnvelope, ServiceName } from '@libs/contracts';
import { EventSubscription } from './event-consumer-host';
import { jointSubscriptions } from './joint-subscriptions';

const contract = (subject: string): EventContract<unknown> =>
  ({ subject, service: 'subscriptions' as ServiceName, data: Object }) as unknown as EventContract<unknown>;
const paid = contract('evt.subscriptions.invoice.paid.v1');
const refunded = contract('evt.subscriptions.charge.refunded.v1');
const tx = {} as EntityManager;
const envelope = (id: string) => ({ id }) as EventEnvelope<unknown>;

describe('jointSubscriptions', () => {
  function handler(calls: string[], name: string, fields: Partial<EventSubscription>): EventSubscription {
    return {
      contract: paid,
      maxBatch: 1,
      inFlight: 1,
      ...fields,
      handle: async (events, given) => {
        expect(given).toBe(tx);
        calls.push(`${name}:${events.map((e) => e.id).join(',')}`);
      },
    };
  }

  it('joins the handlers of one event into one consumer that calls each in turn with the same events', async () => {
    const calls: string[] = [];
    const joint = jointSubscriptions([
      handler(calls, 'books', { maxBatch: 1000, inFlight: 2 }),
      handler(calls, 'refund', { contract: refunded }),
      handler(calls, 'keys', { maxBatch: 500, inFlight: 3 }),
    ]);
    expect(joint.map((s) => [s.contract.subject, s.maxBatch, s.inFlight])).toEqual([
      [paid.subject, 500, 2],
      [refunded.subject, 1, 1],
    ]);
    await joint[0].handle([envelope('a'), envelope('b')], tx);
    expect(calls).toEqual(['books:a,b', 'keys:a,b']);
  });

  it('keeps a named second consumer apart, and a lone handler as it is', () => {
    const calls: string[] = [];
    const lone = handler(calls, 'books', { maxBatch: 1000 });
    const second = handler(calls, 'audit', { consumer: 'audit' });
    expect(jointSubscriptions([lone, second])).toEqual([lone, second]);
  });

  it('stops at the first handler that fails, so the transaction rolls back all of them', async () => {
    const calls: string[] = [];
    const failing: EventSubscription = {
      contract: paid,
      maxBatch: 10,
      inFlight: 1,
      handle: async () => {
        throw new Error('no chart of accounts');
      },
    };
    const [joint] = jointSubscriptions([failing, handler(calls, 'keys', { maxBatch: 10 })]);
    await expect(joint.handle([envelope('a')], tx)).rejects.toThrow('no chart of accounts');
    expect(calls).toEqual([]);
  });
});
