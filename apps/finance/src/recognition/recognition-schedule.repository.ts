import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RecognitionStatus, RevenueStream } from '@libs/contracts';
import { RecognitionSchedule } from './recognition-schedule.entity';

export type NewSchedule = Pick<
  RecognitionSchedule,
  | 'tenantId'
  | 'sourceRef'
  | 'stream'
  | 'productId'
  | 'siteId'
  | 'counterpartyId'
  | 'currency'
  | 'method'
  | 'status'
  | 'firstDay'
  | 'days'
  | 'providerChargeId'
> & { billed: bigint; tax: bigint; paymentId?: string | null };

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

/** Namespace of the per-agency advisory lock of recognition runs (two int keys: this, and the agency id's hash). */
const RUN_LOCK_NAMESPACE = 0x52_45_43; // "REC"

/** The only code that writes SQL for recognition schedules and their lines. */
@Injectable()
export class RecognitionScheduleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the agency's recognition-run lock until the transaction ends, unless another run holds it (then false, at once). */
  async tryLockRunOfAgency(tx: EntityManager, tenantId: string): Promise<boolean> {
    const rows: { held: boolean }[] = await tx.query(`SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS held`, [
      RUN_LOCK_NAMESPACE,
      tenantId,
    ]);
    return rows[0].held;
  }

  /** Opens the schedule unless one exists for the same source (a redelivery, or the other of finalize/paid). */
  insertUnlessExists(tx: EntityManager, schedule: NewSchedule): Promise<void> {
    return this.insertAllUnlessExist(tx, [schedule]);
  }

  /**
   * Opens each schedule unless one exists for its source, in one statement (a batch of invoices);
   * in the order of agency and source, so two batches opening some of the same schedules (billings
   * beside payments) wait for each other, never in a circle.
   */
  async insertAllUnlessExist(tx: EntityManager, schedules: NewSchedule[]): Promise<void> {
    if (schedules.length === 0) return;
    const column = <T>(of: (s: NewSchedule) => T) => schedules.map(of);
    await tx.query(
      `INSERT INTO finance.recognition_schedules
         (tenant_id, source_ref, stream, product_id, site_id, counterparty_id, currency, method, status, billed, tax, total, segment_amount,
          first_day, days, next_day, provider_charge_id, payment_id)
       SELECT s.tenant_id, s.source_ref, s.stream, s.product_id, s.site_id, s.counterparty_id, s.currency, s.method, s.status, s.billed, s.tax,
              s.billed - s.tax, s.billed - s.tax, s.first_day, s.days,
              CASE WHEN s.status = 'active' AND s.method = 'ratable' THEN s.first_day END, s.provider_charge_id, s.payment_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::bigint[],
                   $11::bigint[], $12::date[], $13::int[], $14::text[], $15::uuid[])
         WITH ORDINALITY AS s(tenant_id, source_ref, stream, product_id, site_id, counterparty_id, currency, method, status, billed, tax, first_day,
                              days, provider_charge_id, payment_id, n)
       ORDER BY s.tenant_id, s.source_ref
       ON CONFLICT (tenant_id, source_ref) DO NOTHING`,
      [
        column((s) => s.tenantId),
        column((s) => s.sourceRef),
        column((s) => s.stream),
        column((s) => s.productId),
        column((s) => s.siteId),
        column((s) => s.counterpartyId),
        column((s) => s.currency),
        column((s) => s.method),
        column((s) => s.status),
        column((s) => s.billed.toString()),
        column((s) => s.tax.toString()),
        column((s) => s.firstDay),
        column((s) => s.days),
        column((s) => s.providerChargeId),
        column((s) => s.paymentId ?? null),
      ],
    );
  }

  findBySourceForUpdate(tx: EntityManager, tenantId: string, sourceRef: string): Promise<RecognitionSchedule | null> {
    return tx
      .getRepository(RecognitionSchedule)
      .findOne({ where: { tenantId, sourceRef }, lock: { mode: 'pessimistic_write' } });
  }

  findByChargeForUpdate(
    tx: EntityManager,
    tenantId: string,
    providerChargeId: string,
  ): Promise<RecognitionSchedule | null> {
    return tx
      .getRepository(RecognitionSchedule)
      .findOne({ where: { tenantId, providerChargeId }, lock: { mode: 'pessimistic_write' } });
  }

  findByPaymentForUpdate(tx: EntityManager, tenantId: string, paymentId: string): Promise<RecognitionSchedule | null> {
    return tx
      .getRepository(RecognitionSchedule)
      .findOne({ where: { tenantId, paymentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Records the rail payment of each schedule (by agency and source), in one statement. */
  async attachPayments(
    tx: EntityManager,
    payments: { tenantId: string; sourceRef: string; paymentId: string }[],
  ): Promise<void> {
    if (payments.length === 0) return;
    await tx.query(
      `UPDATE finance.recognition_schedules s SET payment_id = p.payment_id, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS p(tenant_id, source_ref, payment_id)
       WHERE s.tenant_id = p.tenant_id AND s.source_ref = p.source_ref`,
      [payments.map((p) => p.tenantId), payments.map((p) => p.sourceRef), payments.map((p) => p.paymentId)],
    );
  }

  /** Records the provider's charge of each schedule (by agency and source), in one statement. */
  async attachCharges(
    tx: EntityManager,
    charges: { tenantId: string; sourceRef: string; providerChargeId: string }[],
  ): Promise<void> {
    if (charges.length === 0) return;
    await tx.query(
      `UPDATE finance.recognition_schedules s SET provider_charge_id = c.provider_charge_id, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(tenant_id, source_ref, provider_charge_id)
       WHERE s.tenant_id = c.tenant_id AND s.source_ref = c.source_ref`,
      [charges.map((c) => c.tenantId), charges.map((c) => c.sourceRef), charges.map((c) => c.providerChargeId)],
    );
  }

  /** Of the given sources (by agency), the schedules with the given status, locked; one statement for a batch. */
  findBySourcesWithStatusForUpdate(
    tx: EntityManager,
    sources: { tenantId: string; sourceRef: string }[],
    status: RecognitionStatus,
  ): Promise<RecognitionSchedule[]> {
    if (sources.length === 0) return Promise.resolve([]);
    return tx
      .getRepository(RecognitionSchedule)
      .createQueryBuilder('s')
      .where(`(s.tenant_id, s.source_ref) IN (SELECT * FROM unnest(:tenantIds::uuid[], :sourceRefs::text[]))`, {
        tenantIds: sources.map((x) => x.tenantId),
        sourceRefs: sources.map((x) => x.sourceRef),
      })
      .andWhere('s.status = :status', { status })
      .orderBy('s.id')
      .setLock('pessimistic_write')
      .getMany();
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
      [
        lines.map((l) => l.tenantId),
        lines.map((l) => l.scheduleId),
        lines.map((l) => l.day),
        lines.map((l) => l.amount.toString()),
        lines.map((l) => l.entryId),
      ],
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
      `SELECT DISTINCT tenant_id FROM finance.recognition_schedules WHERE status = 'active' AND method = 'ratable' AND next_day <= $1`,
      [through],
    );
    return rows.map((r) => r.tenant_id);
  }

  /** The agency's ratable schedules due on or before `through`, locked, in a fixed order. */
  lockDueOfTenant(tx: EntityManager, tenantId: string, through: string): Promise<RecognitionSchedule[]> {
    return tx
      .getRepository(RecognitionSchedule)
      .createQueryBuilder('s')
      .where(`s.tenant_id = :tenantId AND s.status = 'active' AND s.method = 'ratable' AND s.next_day <= :through`, {
        tenantId,
        through,
      })
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
        advances.map((a) => a.id),
        advances.map((a) => a.recognizedDays),
        advances.map((a) => a.recognized.toString()),
        advances.map((a) => a.nextDay),
        advances.map((a) => a.status),
      ],
    );
  }

  findOneOfTenant(tenantId: string, id: string): Promise<RecognitionSchedule | null> {
    return this.dataSource.getRepository(RecognitionSchedule).findOne({ where: { tenantId, id } });
  }

  /** Newest first; `before` (a schedule id) starts the page after that schedule. */
  findPageOfTenant(
    tenantId: string,
    limit: number,
    filter: { before?: string; stream?: RevenueStream; status?: RecognitionStatus },
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
