import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RecognitionStatus, RevenueStream } from '@libs/contracts';
import { RecognitionSchedule } from './recognition-schedule.entity';

export type NewSchedule = Pick<
  RecognitionSchedule,
  'tenantId' | 'sourceRef' | 'stream' | 'productId' | 'siteId' | 'counterpartyId' | 'currency' | 'method' | 'status' | 'firstDay' | 'days' | 'providerChargeId'
> & { billed: bigint; tax: bigint };

export interface NewLine {
  tenantId: string;
  scheduleId: string;
  day: string;
  amount: bigint;
  entryId: string | null;
}

/** What a recognition run changes on a schedule once its days are recognized. */
export interface ScheduleAdvance {
  id: string;
  recognizedDays: number;
  recognized: bigint;
  nextDay: string | null;
  status: RecognitionStatus;
}

/** The only code that writes SQL for recognition schedules and their lines. */
@Injectable()
export class RecognitionSchedulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the schedule unless one exists for the same source (a redelivery, or the other of finalize/paid). */
  async insertUnlessExists(tx: EntityManager, schedule: NewSchedule): Promise<void> {
    const total = schedule.billed - schedule.tax;
    await tx
      .createQueryBuilder()
      .insert()
      .into(RecognitionSchedule)
      .values({
        ...schedule,
        billed: schedule.billed.toString(),
        tax: schedule.tax.toString(),
        total: total.toString(),
        segmentAmount: total.toString(),
        nextDay: schedule.status === 'active' && schedule.method === 'ratable' ? schedule.firstDay : null,
      })
      .orIgnore()
      .execute();
  }

  findBySourceForUpdate(tx: EntityManager, tenantId: string, sourceRef: string): Promise<RecognitionSchedule | null> {
    return tx.getRepository(RecognitionSchedule).findOne({ where: { tenantId, sourceRef }, lock: { mode: 'pessimistic_write' } });
  }

  findByChargeForUpdate(tx: EntityManager, tenantId: string, providerChargeId: string): Promise<RecognitionSchedule | null> {
    return tx.getRepository(RecognitionSchedule).findOne({ where: { tenantId, providerChargeId }, lock: { mode: 'pessimistic_write' } });
  }

  async attachCharge(tx: EntityManager, tenantId: string, sourceRef: string, providerChargeId: string): Promise<void> {
    await tx.getRepository(RecognitionSchedule).update({ tenantId, sourceRef }, { providerChargeId });
  }

  async update(tx: EntityManager, id: string, patch: Partial<RecognitionSchedule>): Promise<void> {
    await tx.getRepository(RecognitionSchedule).update({ id }, patch);
  }

  /** Inserts the lines; a second line for the same schedule and day fails the transaction (never recognized twice). */
  async insertLines(tx: EntityManager, lines: NewLine[]): Promise<void> {
    if (lines.length === 0) return;
    await tx.query(
      `INSERT INTO finance.recognition_lines (tenant_id, schedule_id, day, amount, entry_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[], $5::uuid[])`,
      [lines.map((l) => l.tenantId), lines.map((l) => l.scheduleId), lines.map((l) => l.day), lines.map((l) => l.amount.toString()), lines.map((l) => l.entryId)],
    );
  }

  /** Inserts one line unless the schedule has that day already; answers whether it did. */
  async insertLineUnlessRecognized(tx: EntityManager, line: NewLine): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO finance.recognition_lines (tenant_id, schedule_id, day, amount, entry_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (schedule_id, day) DO NOTHING RETURNING id`,
      [line.tenantId, line.scheduleId, line.day, line.amount.toString(), line.entryId],
    );
    return rows.length > 0;
  }

  /** Agencies with a ratable schedule due on or before `through` (a bound: each agency's own yesterday is finer). */
  async findTenantsWithDueSchedules(through: string): Promise<string[]> {
    const rows: { tenant_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT tenant_id FROM finance.recognition_schedules WHERE status = 'active' AND method = 'ratable' AND next_day <= $1`, [through]);
    return rows.map((r) => r.tenant_id);
  }

  /** The agency's ratable schedules due on or before `through`, locked, in a fixed order. */
  lockDueOfTenant(tx: EntityManager, tenantId: string, through: string): Promise<RecognitionSchedule[]> {
    return tx
      .getRepository(RecognitionSchedule)
      .createQueryBuilder('s')
      .where(`s.tenant_id = :tenantId AND s.status = 'active' AND s.method = 'ratable' AND s.next_day <= :through`, { tenantId, through })
      .orderBy('s.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Records, in one statement, what a run recognized on each schedule. */
  async advance(tx: EntityManager, advances: ScheduleAdvance[]): Promise<void> {
    if (advances.length === 0) return;
    await tx.query(
      `UPDATE finance.recognition_schedules s
       SET recognized_days = a.recognized_days, recognized = a.recognized, next_day = a.next_day, status = a.status, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::date[], $5::text[]) AS a(id, recognized_days, recognized, next_day, status)
       WHERE s.id = a.id`,
      [
        advances.map((a) => a.id), advances.map((a) => a.recognizedDays), advances.map((a) => a.recognized.toString()),
        advances.map((a) => a.nextDay), advances.map((a) => a.status),
      ],
    );
  }

  findOneOfTenant(tenantId: string, id: string): Promise<RecognitionSchedule | null> {
    return this.dataSource.getRepository(RecognitionSchedule).findOne({ where: { tenantId, id } });
  }

  /** Newest first; `before` (a schedule id) starts the page after that schedule. */
  findPageOfTenant(
    tenantId: string, limit: number, filter: { before?: string; stream?: RevenueStream; status?: RecognitionStatus },
  ): Promise<RecognitionSchedule[]> {
    const query = this.dataSource
      .getRepository(RecognitionSchedule)
      .createQueryBuilder('s')
      .where('s.tenant_id = :tenantId', { tenantId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit);
    if (filter.stream) query.andWhere('s.stream = :stream', { stream: filter.stream });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.before) {
      query.andWhere(
        `(s.created_at, s.id) < (SELECT b.created_at, b.id FROM finance.recognition_schedules b WHERE b.tenant_id = :tenantId AND b.id = :before)`,
        { before: filter.before },
      );
    }
    return query.getMany();
  }
}
