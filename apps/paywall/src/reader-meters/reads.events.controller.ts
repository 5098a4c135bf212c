import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, ReadsRecorded, ReadsRecordedEvent } from '@libs/contracts';

/** Stores logged-in readers' reads (one row per article and day), for instances that start later. */
@Controller()
export class ReadsEventsController {
  @ConsumesEvent(ReadsRecorded)
  async store(event: EventEnvelope<ReadsRecordedEvent>, tx: EntityManager): Promise<void> {
    const { reads } = event.data;
    if (reads.length === 0) return;
    await tx.query(
      `INSERT INTO paywall.reader_reads (tenant_id, reader_key, article, day, section)
       SELECT $1, r.reader_key, r.article, r.day, r.section
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS r(reader_key, article, day, section)
       ON CONFLICT DO NOTHING`,
      [
        event.tenantId,
        reads.map((r) => r.readerKey),
        reads.map((r) => r.article),
        reads.map((r) => r.day),
        reads.map((r) => r.section),
      ],
    );
  }
}
