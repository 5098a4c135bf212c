import { Logger } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders, nanos } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { eventStreamOf, EventContract, EventEnvelope, MessageHeader, ServiceName } from '@libs/contracts';
import { runWithContext } from '../context/request-context';
import { toFieldErrors } from '../errors/validation-errors';

export type EventHandlerFn = (event: EventEnvelope<unknown>, tx: EntityManager) => Promise<void>;

export interface EventSubscription {
  contract: EventContract<unknown>;
  handle: EventHandlerFn;
}

export interface ConsumerOutcome {
  consumer: string;
  outcome: 'processed' | 'duplicate' | 'retry' | 'dead-lettered';
}

/** JetStream durable names allow neither dots nor wildcards. */
export function durableNameOf(service: ServiceName, subject: string): string {
  return `${service}__${subject.replace(/[.*>]/g, '_')}`;
}

/**
 * Runs one durable pull consumer per subscribed event. Each message is handled in a transaction
 * that first records the event id in the inbox: a redelivery finds the row and changes nothing.
 * Failures are retried with growing delays; after `maxDeliver` attempts (or at once, for a
 * message that cannot be parsed) the message goes to `dlq.<service>.<durable>` and is terminated.
 */
export class EventConsumerHost {
  private readonly logger = new Logger(EventConsumerHost.name);
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];

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
    for (const subscription of subscriptions) {
      const stream = eventStreamOf(subscription.contract.service).name;
      const durable = durableNameOf(this.service, subscription.contract.subject);
      await this.ensureConsumer(stream, durable, subscription.contract.subject);
      const consumer = await this.js.consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: 100 });
      const loop = this.drain(messages, durable, subscription);
      this.running.push({ messages, loop });
    }
  }

  /** Stops fetching, lets the message in hand finish, and returns. */
  async stop(): Promise<void> {
    await Promise.all(this.running.map(({ messages }) => messages.close().catch(() => undefined)));
    await Promise.all(this.running.map(({ loop }) => loop));
    this.running.length = 0;
  }

  private async ensureConsumer(stream: string, durable: string, subject: string): Promise<void> {
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: subject,
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: this.maxDeliver + 1,
      max_ack_pending: 1000,
    };
    const existing = await this.jsm.consumers.info(stream, durable).catch(() => null);
    if (existing) await this.jsm.consumers.update(stream, durable, config);
    else await this.jsm.consumers.add(stream, config);
  }

  private async drain(messages: ConsumerMessages, durable: string, subscription: EventSubscription): Promise<void> {
    for await (const msg of messages) {
      const outcome = await this.deliver(msg, durable, subscription);
      this.onOutcome({ consumer: durable, outcome });
    }
  }

  private async deliver(msg: JsMsg, durable: string, subscription: EventSubscription): Promise<ConsumerOutcome['outcome']> {
    let envelope: EventEnvelope<unknown>;
    try {
      envelope = this.parse(msg, subscription.contract);
    } catch (error) {
      return this.deadLetter(msg, durable, error);
    }
    const context = {
      requestId: msg.headers?.get(MessageHeader.requestId) || envelope.id,
      tenantId: envelope.tenantId,
      actor: msg.headers?.get(MessageHeader.actor) || `event:${envelope.source}`,
    };
    try {
      const processed = await runWithContext(context, () =>
        this.dataSource.transaction(async (tx) => {
          const recorded: unknown[] = await tx.query(
            `INSERT INTO "${this.service}".inbox (consumer, event_id, subject) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [durable, envelope.id, envelope.type],
          );
          if (recorded.length === 0) return false;
          await subscription.handle(envelope, tx);
          return true;
        }),
      );
      msg.ack();
      return processed ? 'processed' : 'duplicate';
    } catch (error) {
      if (msg.info.deliveryCount >= this.maxDeliver) return this.deadLetter(msg, durable, error);
      this.logger.warn(`${durable}: event ${envelope.id} failed (delivery ${msg.info.deliveryCount}): ${(error as Error).message}`);
      msg.nak(Math.min(30_000, 250 * 2 ** msg.info.deliveryCount));
      return 'retry';
    }
  }

  private parse(msg: JsMsg, contract: EventContract<unknown>): EventEnvelope<unknown> {
    const envelope = msg.json<EventEnvelope<unknown>>();
    if (!envelope || typeof envelope.id !== 'string' || typeof envelope.tenantId !== 'string') {
      throw new Error('not an event envelope');
    }
    const headerTenant = msg.headers?.get(MessageHeader.tenantId);
    if (headerTenant && headerTenant !== envelope.tenantId) throw new Error('tenant header and envelope disagree');
    const errors = validateSync(plainToInstance(contract.data, envelope.data) as object);
    if (errors.length > 0) throw new Error(`invalid data: ${JSON.stringify(toFieldErrors(errors))}`);
    return envelope;
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
