import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import {
  ListRecognitionSchedulesRequest,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
  RecognitionStatus,
} from '@libs/contracts';
import { addDays } from '../calendar/posting-date';
import { EntryDimensions } from '../ledger/ledger.repository';
import { RecognitionSchedule } from './recognition-schedule.entity';
import { NewSchedule, RecognitionScheduleRepository } from './recognition-schedule.repository';
import { CancellationParts, remainingOf, ScheduleAmounts, Withdrawal } from './schedule-arithmetic';

const DEFAULT_PAGE = 50;

/** Recognition schedules: opened when a document is billed, reduced by what is given back, advanced as revenue is earned. */
@Injectable()
export class RecognitionSchedulesService {
  constructor(private readonly schedules: RecognitionScheduleRepository) {}

  open(tx: EntityManager, schedule: NewSchedule): Promise<void> {
    return this.schedules.insertUnlessExists(tx, schedule);
  }

  /** Opens several schedules at once (a batch of invoices); each source keeps the schedule it has. */
  openAll(tx: EntityManager, schedules: NewSchedule[]): Promise<void> {
    return this.schedules.insertAllUnlessExist(tx, schedules);
  }

  findBySourceForUpdate(tx: EntityManager, tenantId: string, sourceRef: string): Promise<RecognitionSchedule | null> {
    return this.schedules.findBySourceForUpdate(tx, tenantId, sourceRef);
  }

  findByChargeForUpdate(
    tx: EntityManager,
    tenantId: string,
    providerChargeId: string,
  ): Promise<RecognitionSchedule | null> {
    return this.schedules.findByChargeForUpdate(tx, tenantId, providerChargeId);
  }

  findByPaymentForUpdate(tx: EntityManager, tenantId: string, paymentId: string): Promise<RecognitionSchedule | null> {
    return this.schedules.findByPaymentForUpdate(tx, tenantId, paymentId);
  }

  /** Of these sources, the schedules voided (written off), locked. */
  findVoidedForUpdate(
    tx: EntityManager,
    sources: { tenantId: string; sourceRef: string }[],
  ): Promise<RecognitionSchedule[]> {
    return this.schedules.findBySourcesWithStatusForUpdate(tx, sources, 'voided');
  }

  attachCharges(
    tx: EntityManager,
    charges: { tenantId: string; sourceRef: string; providerChargeId: string }[],
  ): Promise<void> {
    return this.schedules.attachCharges(tx, charges);
  }

  /** Names the rail payment that paid each schedule's document (a batch of invoices paid on rails). */
  attachPayments(
    tx: EntityManager,
    payments: { tenantId: string; sourceRef: string; paymentId: string }[],
  ): Promise<void> {
    return this.schedules.attachPayments(tx, payments);
  }

  /** Records money given back (refund, void): what is left shrinks by the deferred part and is spread anew over the days left. */
  async withdraw(
    tx: EntityManager,
    schedule: RecognitionSchedule,
    parts: Withdrawal,
    given: { refunded?: bigint; voided?: true },
  ): Promise<void> {
    const amounts = amountsOf(schedule);
    const next: ScheduleAmounts = {
      ...amounts,
      reduced: amounts.reduced + parts.deferred,
      withdrawn: amounts.withdrawn + parts.deferred + parts.earned,
      refunded: amounts.refunded + (given.refunded ?? 0n),
      refundedTax: amounts.refundedTax + (given.refunded === undefined ? 0n : parts.tax),
    };
    const finished: RecognitionStatus = given.voided ? 'voided' : 'completed';
    await this.schedules.update(tx, schedule.id, {
      ...rebased(schedule, next),
      withdrawn: next.withdrawn.toString(),
      refunded: next.refunded.toString(),
      refundedTax: next.refundedTax.toString(),
      ...(remainingOf(next) === 0n && isOpen(schedule.status) ? { status: finished, nextDay: null } : {}),
    });
  }

  /** Undoes a void (a written-off invoice paid after all): what it took off is left to recognize again. */
  async reinstate(
    tx: EntityManager,
    schedule: RecognitionSchedule,
    parts: { deferred: bigint; earned: bigint },
  ): Promise<void> {
    const amounts = amountsOf(schedule);
    const next = {
      ...amounts,
      reduced: amounts.reduced - parts.deferred,
      withdrawn: amounts.withdrawn - parts.deferred - parts.earned,
    };
    const open =
      remainingOf(next) > 0n &&
      schedule.firstDay !== null &&
      schedule.days !== null &&
      schedule.recognizedDays < schedule.days;
    await this.schedules.update(tx, schedule.id, {
      ...rebased(schedule, next),
      withdrawn: next.withdrawn.toString(),
      status: open ? 'active' : 'completed',
      nextDay: open ? addDays(schedule.firstDay!, schedule.recognizedDays) : null,
    });
  }

  /** A make-good: `deferred` comes off what is left to deliver. */
  async reduce(tx: EntityManager, schedule: RecognitionSchedule, deferred: bigint): Promise<void> {
    const amounts = amountsOf(schedule);
    const next = { ...amounts, reduced: amounts.reduced + deferred, withdrawn: amounts.withdrawn + deferred };
    await this.schedules.update(tx, schedule.id, {
      ...rebased(schedule, next),
      withdrawn: next.withdrawn.toString(),
      ...(remainingOf(next) === 0n && isOpen(schedule.status) ? { status: 'completed' as const, nextDay: null } : {}),
    });
  }

  /**
   * A booking canceled: the credit's deferred part comes off what is left (as a make-good's does),
   * its whole is withdrawn, and the penalty counts as recognized (no day's line: it was earned by
   * the cancellation, and the day may still see a delivery recorded).
   */
  async cancel(tx: EntityManager, schedule: RecognitionSchedule, parts: CancellationParts): Promise<void> {
    const amounts = amountsOf(schedule);
    const next = {
      ...amounts,
      reduced: amounts.reduced + parts.deferred,
      withdrawn: amounts.withdrawn + parts.deferred + parts.earned,
      recognized: amounts.recognized + parts.penalty,
    };
    await this.schedules.update(tx, schedule.id, {
      ...rebased(schedule, next),
      withdrawn: next.withdrawn.toString(),
      recognized: next.recognized.toString(),
      ...(remainingOf(next) === 0n && isOpen(schedule.status) ? { status: 'completed' as const, nextDay: null } : {}),
    });
  }

  /** The service period of a schedule that waited for it (a gift redeemed): ratable recognition starts on `firstDay`. */
  async startService(tx: EntityManager, schedule: RecognitionSchedule, firstDay: string, days: number): Promise<void> {
    const left = remainingOf(amountsOf(schedule));
    await this.schedules.update(tx, schedule.id, {
      firstDay,
      days,
      recognizedDays: 0,
      segmentStart: 0,
      segmentBase: schedule.recognized,
      segmentAmount: left.toString(),
      status: left > 0n ? 'active' : 'completed',
      nextDay: left > 0n ? firstDay : null,
    });
  }

  /**
   * Recognizes `amount` on one day outside the run (a delivery, breakage), once per schedule and
   * day; answers false when that day was recognized before (nothing changes).
   */
  async recognizeOnDay(
    tx: EntityManager,
    schedule: RecognitionSchedule,
    day: string,
    amount: bigint,
    entryId: string | null,
    status?: RecognitionStatus,
  ): Promise<boolean> {
    const inserted = await this.schedules.insertLineUnlessRecognized(tx, {
      tenantId: schedule.tenantId,
      scheduleId: schedule.id,
      day,
      amount,
      entryId,
    });
    if (!inserted) return false;
    const amounts = amountsOf(schedule);
    const next = { ...amounts, recognized: amounts.recognized + amount };
    const finished = remainingOf(next) === 0n && isOpen(schedule.status);
    await this.schedules.update(tx, schedule.id, {
      recognized: next.recognized.toString(),
      ...(status ? { status, nextDay: null } : finished ? { status: 'completed' as const, nextDay: null } : {}),
    });
    return true;
  }

  async view(tenantId: string, id: string): Promise<RecognitionScheduleView> {
    const schedule = await this.schedules.findOneOfTenant(tenantId, id);
    if (!schedule) throw new NotFoundError('recognition schedule', id);
    return toView(schedule);
  }

  async list(tenantId: string, request: ListRecognitionSchedulesRequest): Promise<RecognitionScheduleListResponse> {
    const limit = request.limit ?? DEFAULT_PAGE;
    const rows = await this.schedules.findPageOfTenant(tenantId, limit + 1, request);
    const page = rows.slice(0, limit);
    return { items: page.map(toView), nextBefore: rows.length > limit ? page[page.length - 1].id : null };
  }
}

export function amountsOf(schedule: RecognitionSchedule): ScheduleAmounts {
  return {
    billed: BigInt(schedule.billed),
    tax: BigInt(schedule.tax),
    total: BigInt(schedule.total),
    reduced: BigInt(schedule.reduced),
    withdrawn: BigInt(schedule.withdrawn),
    refunded: BigInt(schedule.refunded),
    refundedTax: BigInt(schedule.refundedTax),
    recognized: BigInt(schedule.recognized),
  };
}

export function dimensionsOf(schedule: RecognitionSchedule): EntryDimensions {
  return {
    stream: schedule.stream,
    productId: schedule.productId,
    siteId: schedule.siteId,
    counterpartyId: schedule.counterpartyId,
  };
}

function isOpen(status: RecognitionStatus): boolean {
  return status === 'active' || status === 'awaiting-service';
}

/** The cumulative split restarts from the days already recognized, over what is left. */
function rebased(schedule: RecognitionSchedule, next: ScheduleAmounts): Partial<RecognitionSchedule> {
  return {
    reduced: next.reduced.toString(),
    segmentStart: schedule.recognizedDays,
    segmentBase: next.recognized.toString(),
    segmentAmount: remainingOf(next).toString(),
  };
}

function toView(schedule: RecognitionSchedule): RecognitionScheduleView {
  const amounts = amountsOf(schedule);
  const lastDay = schedule.firstDay && schedule.days ? addDays(schedule.firstDay, schedule.days - 1) : null;
  const recognizedThrough =
    schedule.method === 'ratable' && schedule.firstDay && schedule.recognizedDays > 0
      ? addDays(schedule.firstDay, schedule.recognizedDays - 1)
      : null;
  return {
    id: schedule.id,
    source: schedule.sourceRef,
    stream: schedule.stream,
    productId: schedule.productId,
    siteId: schedule.siteId,
    counterpartyId: schedule.counterpartyId,
    currency: schedule.currency.trim(),
    method: schedule.method,
    status: schedule.status,
    firstDay: schedule.firstDay,
    lastDay,
    days: schedule.days,
    recognizedThrough,
    total: amounts.total.toString(),
    recognized: amounts.recognized.toString(),
    remaining: remainingOf(amounts).toString(),
    refunds: amounts.refunded.toString(),
    reduced: amounts.reduced.toString(),
    createdAt: schedule.createdAt.toISOString(),
  };
}
