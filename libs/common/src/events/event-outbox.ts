import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventContract, EventEnvelope, ServiceName } from '@libs/contracts';
import { currentContext } from '../context/request-context';
import { toFieldErrors } from '../errors/validation-errors';

export interface NewEvent<Data> {
  tenantId: string;
  /** The id of the aggregate the fact is about. */
  subject: string;
  data: Data;
  time?: Date;
}

/**
 * Records a fact in the outbox inside the caller's transaction: the state change and the event
 * commit together or not at all. The relay publishes it to JetStream afterwards.
 */
@Injectable()
export class EventOutbox {
  constructor(private readonly service: ServiceName) {}

  async add<Data extends object>(
    tx: EntityManager,
    contract: EventContract<Data>,
    event: NewEvent<Data>,
  ): Promise<EventEnvelope<Data>> {
    const [envelope] = await this.addAll(tx, contract, [event]);
    return envelope;
  }

  /** Records many facts of one kind with one statement, in the order given. */
  async addAll<Data extends object>(
    tx: EntityManager,
    contract: EventContract<Data>,
    events: NewEvent<Data>[],
  ): Promise<EventEnvelope<Data>[]> {
    if (contract.service !== this.service) throw new Error(`${this.service} may not publish ${contract.subject}`);
    if (events.length === 0) return [];
    const envelopes = events.map((event) => this.envelopeOf(contract, event));
    const context = currentContext();
    const headers = JSON.stringify({ requestId: context?.requestId, actor: context?.actor });
    await tx.query(
      `INSERT INTO "${this.service}".outbox (id, subject, envelope, headers)
       SELECT id, $2, envelope, $4::jsonb FROM unnest($1::uuid[], $3::jsonb[]) WITH ORDINALITY AS e(id, envelope, n) ORDER BY n`,
      [envelopes.map((e) => e.id), contract.subject, envelopes.map((e) => JSON.stringify(e)), headers],
    );
    return envelopes;
  }

  private envelopeOf<Data extends object>(contract: EventContract<Data>, event: NewEvent<Data>): EventEnvelope<Data> {
    const invalid = validateSync(plainToInstance(contract.data, event.data) as object);
    if (invalid.length > 0) {
      throw new Error(`event ${contract.subject} has invalid data: ${JSON.stringify(toFieldErrors(invalid))}`);
    }
    return {
      id: randomUUID(),
      type: contract.subject,
      source: this.service,
      tenantId: event.tenantId,
      time: (event.time ?? new Date()).toISOString(),
      subject: event.subject,
      dataVersion: contract.dataVersion,
      data: event.data,
    };
  }
}
