import { Logger } from '@nestjs/common';
import { ConsumerMessages, DeliverPolicy, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { eventStreamOf, EventContract, EventEnvelope, ServiceName } from '@libs/contracts';
import { durableNameOf } from './event-consumer-host';
import { parseEvent } from './parse-event';

/**
 * Follows events as they are published, in stream order, with an ordered consumer of this
 * instance's own (every instance sees every event; nothing is acknowledged). Used to keep
 * memory fresh; the durable consumers of the same events keep the database.
 */
export class EventFeed {
  private readonly logger = new Logger(EventFeed.name);
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];

  constructor(
    private readonly service: ServiceName,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  /**
   * The stream sequence up to which this service's durable consumer of `contract` has stored
   * every event: memory loaded from the database afterwards only needs what comes after it.
   */
  async storedUpTo(contract: EventContract<unknown>): Promise<number> {
    const stream = eventStreamOf(contract.subject);
    const info = await this.jsm.consumers.info(stream, durableNameOf(this.service, contract.subject)).catch(() => null);
    return info?.ack_floor.stream_seq ?? 0;
  }

  /** Calls `apply` for every event of `contract` after stream sequence `after` (or from now on). */
  async follow<Data>(
    contract: EventContract<Data>,
    after: number | 'new',
    apply: (event: EventEnvelope<Data>) => void,
  ): Promise<void> {
    const stream = eventStreamOf(contract.subject);
    const consumer = await this.js.consumers.get(
      stream,
      after === 'new'
        ? { filter_subjects: contract.subject, deliver_policy: DeliverPolicy.New }
        : { filter_subjects: contract.subject, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 },
    );
    const messages = await consumer.consume({ max_messages: 1000 });
    const loop = (async () => {
      for await (const msg of messages) {
        try {
          // Memory takes only what the contract accepts, like the durable consumers do.
          apply(parseEvent(contract, msg));
        } catch (error) {
          this.logger.error(`${contract.subject} #${msg.seq} not applied: ${(error as Error).message}`);
        }
      }
    })();
    this.running.push({ messages, loop });
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map(({ messages }) => messages.close().catch(() => undefined)));
    await Promise.all(this.running.map(({ loop }) => loop));
    this.running.length = 0;
  }
}
