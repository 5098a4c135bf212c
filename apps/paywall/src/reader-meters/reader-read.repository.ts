import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RecordedRead } from '@libs/contracts';

/** Logged-in readers' metered reads, one row per reader, article and local day. */
@Injectable()
export class ReaderReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the reads not stored yet. */
  async insertNew(tx: EntityManager, tenantId: string, reads: RecordedRead[]): Promise<void> {
    await tx.query(
      `INSERT INTO paywall.reader_reads (tenant_id, reader_key, article, day, section)
       SELECT $1, r.reader_key, r.article, r.day, r.section
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS r(reader_key, article, day, section)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        reads.map((r) => r.readerKey),
        reads.map((r) => r.article),
        reads.map((r) => r.day),
        reads.map((r) => r.section),
      ],
    );
  }

  /** Every reader's reads after local day `day`, for a paywall instance's memory at start. */
  findAfterDay(
    day: number,
  ): Promise<{ tenant_id: string; reader_key: string; article: string; section: string | null; day: number }[]> {
    return this.dataSource.query(
      `SELECT tenant_id, reader_key, article, section, day FROM paywall.reader_reads WHERE day > $1`,
      [day],
    );
  }

  /** Deletes up to `limit` reads of local days before `day`; answers how many. */
  async deleteBeforeDay(day: number, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM paywall.reader_reads WHERE (tenant_id, reader_key, article, day) IN (
         SELECT tenant_id, reader_key, article, day FROM paywall.reader_reads WHERE day < $1 LIMIT $2)`,
      [day, limit],
    )) as [unknown, number];
    return deleted;
  }
}
