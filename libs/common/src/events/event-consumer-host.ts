import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
} from '@nats-io/jetstream';
import { headers as natsHeaders, nanos } from '@nats-io/transport-node';
import { DataSource, EntityManager } from 'typeorm';
import { eventStreamOf, EventContract, EventEnvelope, MessageHeader, ServiceName } from '@libs/contracts';
import { RequestContext, runWithContext } from '../context/request-context';
import { parseEvent } from './parse-event';
import type { EventTransaction } from './event-transaction';

/** Events validated between two turns of the event loop when a batch is taken. */
const PARSE_SLICE = 50;

export type EventHandlerFn = (event: EventEnvelope<unknown>, tx: EventTransaction) => Promise<void>;
export type EventBatchHandlerFn = (events: EventEnvelope<unknown>[], tx: EventTransaction) => Promise<void>;

export interface EventSubscription {
  contract: EventContract<unknown>;
  /** A named second consumer of the event in this service (see `ConsumesEvent`). */
  consumer?: string;
  /** Handles the events given (one, or up to `maxBatch`) in the transaction given. */
  handle: EventBatchHandlerFn;
  /** Events handled in one transaction at most. */
  maxBatch: number;
  /** Transactions of this subscription at once (1: one after the other, in delivery order). */
  inFlight: number;
}

interface Parsed {
  msg: JsMsg;
  envelope: EventEnvelope<unknown>;
}

export interface ConsumerOutcome {
  consumer: string;
  outcome: 'processed' | 'duplicate' | 'retry' | 'dead-lettered';
}

/** JetStream durable names allow neither dots nor wildcards. */
export function durableNameOf(service: ServiceName, subject: string, consumer?: string): string {
  return [service, consumer, subject.replace(/[.*>]/g, '_')].filter(Boolean).join('__');
}

/**
 * Runs one durable pull consumer per subscribed event (per named consumer, see `ConsumesEvent`):
 * a service has one handler per event, which calls the event's effects in order (ADR 0008), so two
 * handlers of one event are refused at start. Each message is handled in a transaction
 * that first records the event id in the inbox: a redelivery finds the row and changes nothing.
 * Failures are retried with growing delays; after `maxDeliver` attempts (or at once, for a
 * message that cannot be parsed) the message goes to `dlq.<service>.<durable>` and is terminated.
 * A batching subscription takes the messages already delivered (up to its `maxBatch`) into one
 * transaction, one inbox row per event, acknowledged after the commit; if that transaction fails,
 * each message is handled again on its own as above.
 */
export class EventConsumerHost {
  private readonly logger = new Logger(EventConsumerHost.name);
  private readonly running: { durable: string; messages: ConsumerMessages; loop: Promise<void> }[] = [];

  constructor(
    private readonly service: ServiceName,
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly maxDeliver: number,
    private readonly ackWaitMs: number,
    private readonly onOutcome: (outcome: ConsumerOutcome) => void = () => undefined,
  ) {}

  async start(subscriptions: EventSubscription[]): Promise<void> {
    this.refuseTwoHandlersOfOneEvent(subscriptions);
    for (const subscription of subscriptions) {
      const stream = eventStreamOf(subscription.contract.subject);
      const durable = durableNameOf(this.service, subscription.contract.subject, subscription.consumer);
      await this.ensureConsumer(stream, durable, subscription);
      const consumer = await this.js.consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: Math.max(100, subscription.maxBatch) });
      const loop = this.drain(messages, durable, subscription);
      this.running.push({ durable, messages, loop });
    }
  }

  /**
   * Two handlers of one event would share its durable consumer, each taking some of the events and
   * neither all of them: a service handles an event in one handler that calls each effect in turn.
   */
  private refuseTwoHandlersOfOneEvent(subscriptions: EventSubscription[]): void {
    const durables = new Set<string>();
    for (const { contract, consumer } of subscriptions) {
      const durable = durableNameOf(this.service, contract.subject, consumer);
      if (durables.has(durable))
        throw new Error(
          `${this.service} has two handlers of ${contract.subject}${consumer ? ` for consumer ${consumer}` : ''}: one handler per event calls its effects in order`,
        );
      durables.add(durable);
    }
  }

  /** Stops fetching, lets the message in hand finish, and returns. */
  async stop(): Promise<void> {
    await Promise.all(this.running.map(({ messages }) => messages.close().catch(() => undefined)));
    await Promise.all(this.running.map(({ loop }) => loop));
    this.running.length = 0;
  }

  private async ensureConsumer(stream: string, durable: string, subscription: EventSubscription): Promise<void> {
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: subscription.contract.subject,
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: this.maxDeliver + 1,
      // Room for the batches in flight and the next ones waiting.
      max_ack_pending: Math.max(1000, subscription.maxBatch * (subscription.inFlight + 2)),
    };
    const existing = await this.jsm.consumers.info(stream, durable).catch(() => null);
    if (existing) await this.jsm.consumers.update(stream, durable, config);
    else await this.jsm.consumers.add(stream, config);
  }

  /**
   * Handles the messages as they come, each time taking all those already delivered (up to the
   * batch size) together, with up to `inFlight` transactions at once, until the consumer closes.
   * The reader stops taking messages from the consumer while a batch and a half wait, so
   * JetStream's flow control still holds.
   */
  private async drain(messages: ConsumerMessages, durable: string, subscription: EventSubscription): Promise<void> {
    const waiting: JsMsg[] = [];
    const changes = new Changes();
    const inFlight = new Set<Promise<void>>();
    let closed = false;
    const reader = (async () => {
      try {
        for await (const msg of messages) {
          waiting.push(msg);
          changes.signal();
          while (waiting.length >= subscription.maxBatch * 1.5) await changes.next();
        }
      } finally {
        closed = true;
        changes.signal();
      }
    })();
    for (;;) {
      // Beside a transaction in flight, only a full batch is worth another (a few events would wait on its locks).
      const worthStarting = inFlight.size === 0 ? waiting.length > 0 : waiting.length >= subscription.maxBatch;
      if (worthStarting && inFlight.size < subscription.inFlight) {
        const batch = waiting.splice(0, subscription.maxBatch);
        changes.signal();
        const work = (
          batch.length === 1
            ? this.deliver(batch[0], durable, subscription).then((outcome) => [outcome])
            : this.deliverBatch(batch, durable, subscription)
        )
          .then((outcomes) => outcomes.forEach((outcome) => this.onOutcome({ consumer: durable, outcome })))
          // Left unacknowledged: JetStream delivers the messages again after the ack wait.
          .catch((error: unknown) =>
            this.logger.error(`${durable}: ${batch.length} messages left to redelivery: ${(error as Error).message}`),
          )
          .finally(() => {
            inFlight.delete(work);
            changes.signal();
          });
        inFlight.add(work);
        continue;
      }
      if (closed && waiting.length === 0) break;
      // Nothing to start now: wait for a message, or for a transaction to end.
      await changes.next();
    }
    await Promise.all(inFlight);
    await reader;
  }

  private async deliverBatch(
    batch: JsMsg[],
    durable: string,
    subscription: EventSubscription,
  ): Promise<ConsumerOutcome['outcome'][]> {
    const outcomes = new Map<JsMsg, ConsumerOutcome['outcome']>();
    const parsed: Parsed[] = [];
    for (const [n, msg] of batch.entries()) {
      // Validating hundreds of events takes a while: let the transactions in flight have their replies meanwhile.
      if (n > 0 && n % PARSE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      try {
        parsed.push({ msg, envelope: this.parse(msg, subscription.contract) });
      } catch (error) {
        outcomes.set(msg, await this.deadLetter(msg, durable, error));
      }
    }
    if (parsed.length === 0) return batch.map((msg) => outcomes.get(msg)!);
    try {
      // The batch spans agencies and requests: its context is its first event's, without a tenant.
      const context = { ...this.contextOf(parsed[0]), tenantId: undefined };
      const fresh = await runWithContext(context, () =>
        this.dataSource.transaction(async (tx) => {
          const recorded = await this.recordInInbox(
            tx,
            durable,
            parsed.map((p) => p.envelope),
          );
          // An event delivered twice in one batch is handled once: its first delivery.
          const taken = new Set<string>();
          const firstOfEach = parsed.filter(
            (p) => recorded.has(p.envelope.id) && !taken.has(p.envelope.id) && taken.add(p.envelope.id),
          );
          if (firstOfEach.length > 0)
            await subscription.handle(
              firstOfEach.map((p) => p.envelope),
              tx,
            );
          return new Set(firstOfEach);
        }),
      );
      for (const p of parsed) {
        p.msg.ack();
        outcomes.set(p.msg, fresh.has(p) ? 'processed' : 'duplicate');
      }
    } catch (error) {
      this.logger.warn(
        `${durable}: a batch of ${parsed.length} events failed, handling them one by one: ${(error as Error).message}`,
      );
      for (const p of parsed) outcomes.set(p.msg, await this.deliver(p.msg, durable, subscription));
    }
    return batch.map((msg) => outcomes.get(msg)!);
  }

  private async deliver(
    msg: JsMsg,
    durable: string,
    subscription: EventSubscription,
  ): Promise<ConsumerOutcome['outcome']> {
    let envelope: EventEnvelope<unknown>;
    try {
      envelope = this.parse(msg, subscription.contract);
    } catch (error) {
      return this.deadLetter(msg, durable, error);
    }
    try {
      const processed = await runWithContext(this.contextOf({ msg, envelope }), () =>
        this.dataSource.transaction(async (tx) => {
          if ((await this.recordInInbox(tx, durable, [envelope])).size === 0) return false;
          await subscription.handle([envelope], tx);
          return true;
        }),
      );
      msg.ack();
      return processed ? 'processed' : 'duplicate';
    } catch (error) {
      if (msg.info.deliveryCount >= this.maxDeliver) return this.deadLetter(msg, durable, error);
      this.logger.warn(
        `${durable}: event ${envelope.id} failed (delivery ${msg.info.deliveryCount}): ${(error as Error).message}`,
      );
      msg.nak(Math.min(30_000, 250 * 2 ** msg.info.deliveryCount));
      return 'retry';
    }
  }

  /**
   * Records the events in the inbox; answers the ids recorded now (not before). In the order of
   * their ids, so that two transactions meeting on the same events wait for each other, never in a circle.
   */
  private async recordInInbox(
    tx: EntityManager,
    durable: string,
    envelopes: EventEnvelope<unknown>[],
  ): Promise<Set<string>> {
    const recorded: { event_id: string }[] = await tx.query(
      `INSERT INTO "${this.service}".inbox (consumer, event_id, subject)
       SELECT $1, e.id, e.subject FROM unnest($2::uuid[], $3::text[]) AS e(id, subject) ORDER BY e.id
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [durable, envelopes.map((e) => e.id), envelopes.map((e) => e.type)],
    );
    return new Set(recorded.map((r) => r.event_id));
  }

  private contextOf({ msg, envelope }: Parsed): RequestContext {
    return {
      requestId: msg.headers?.get(MessageHeader.requestId) || envelope.id,
      tenantId: envelope.tenantId,
      actor: msg.headers?.get(MessageHeader.actor) || `event:${envelope.source}`,
    };
  }

  private parse(msg: JsMsg, contract: EventContract<unknown>): EventEnvelope<unknown> {
    return parseEvent(contract, msg);
  }

  private async deadLetter(msg: JsMsg, durable: string, error: unknown): Promise<'dead-lettered'> {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(`${durable}: message ${msg.seq} dead-lettered: ${reason}`);
    const h = natsHeaders();
    h.set('x-original-subject', msg.subject);
    h.set('x-original-stream-seq', String(msg.seq));
    h.set('x-consumer', durable);
    h.set('x-error', reason.slice(0, 1000));
    for (const key of [MessageHeader.tenantId, MessageHeader.requestId]) {
      const value = msg.headers?.get(key);
      if (value) h.set(key, value);
    }
    await this.js.publish(`dlq.${this.service}.${durable}`, msg.data, { headers: h, msgID: `${durable}:${msg.seq}` });
    msg.term(reason.slice(0, 200));
    return 'dead-lettered';
  }
}

/** Wakes every waiter each time something changes (a message arrives, a batch is taken or done). */
class Changes {
  private waiters: (() => void)[] = [];

  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  signal(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
