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

  async add<Data extends object>(tx: EntityManager, contract: EventContract<Data>, event: NewEvent<Data>): Promise<EventEnvelope<Data>> {
    if (contract.service !== this.service) throw new Error(`${this.service} may not publish ${contract.subject}`);
    const invalid = validateSync(plainToInstance(contract.data, event.data) as object);
    if (invalid.length > 0) {
      throw new Error(`event ${contract.subject} has invalid data: ${JSON.stringify(toFieldErrors(invalid))}`);
    }
    const envelope: EventEnvelope<Data> = {
      id: randomUUID(),
      type: contract.subject,
      source: this.service,
      tenantId: event.tenantId,
      time: (event.time ?? new Date()).toISOString(),
      subject: event.subject,
      dataVersion: contract.dataVersion,
      data: event.data,
    };
    const context = currentContext();
    const headers = { requestId: context?.requestId, actor: context?.actor };
    await tx.query(
      `INSERT INTO "${this.service}".outbox (id, subject, envelope, headers) VALUES ($1, $2, $3, $4)`,
      [envelope.id, contract.subject, JSON.stringify(envelope), JSON.stringify(headers)],
    );
    return envelope;
  }
}
