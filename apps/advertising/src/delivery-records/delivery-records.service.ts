import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { DeliveryRecorded } from '@libs/contracts';
import { dayNumber, dayOfNumber } from '../calendar/agency-days';
import { AdvertisingEnv } from '../config/advertising.config';
import { MakeGoodsService } from '../make-goods/make-goods.service';
import { earnedOnDay, splitOverArticles } from './day-earnings';
import { DeliveryRecordRepository, LineToRecord } from './delivery-record.repository';
import { lastSettledDay } from './settled-day';

/**
 * What recording a line's next day came to: recorded, and more settled days wait (`continues`) or
 * none does (`done`); nothing was due (`idle`); another instance has the line (`lost`).
 */
export type RecordingStep = 'continues' | 'done' | 'idle' | 'lost';

/** The day was recorded meanwhile by another transaction: this one rolls back. */
class RecordedMeanwhileError extends Error {}

/**
 * Records each settled agency-local day of each invoiced line once, and in the same transaction
 * tells finance what it earned (DeliveryRecorded through the outbox). On the flight's last day, a
 * line that delivered short of its goal gets a make-good proposal.
 */
@Injectable()
export class DeliveryRecordsService {
  private readonly settlingMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly records: DeliveryRecordRepository,
    private readonly makeGoods: MakeGoodsService,
    private readonly outbox: EventOutbox,
    env: AdvertisingEnv,
  ) {
    this.settlingMs = env.DELIVERY_SETTLING_MINUTES * 60_000;
  }

  /** A line with a settled day not recorded yet, passing over `skip`; null when none is. */
  findLineDue(now: Date, skip: string[] = []): Promise<{ id: string; tenantId: string } | null> {
    return this.records.findLineDue(now, this.settlingMs, skip);
  }

  /** Records the line's next settled day, if it has one. */
  async recordNextDay(lineId: string, now: Date): Promise<RecordingStep> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        if (!(await this.records.lockLine(tx, lineId))) return 'lost';
        const line = await this.records.findLine(tx, lineId);
        if (!line) return 'idle';
        const settled = lastSettledDay(now, line.timeZone, this.settlingMs);
        const last = settled < line.flightEnd ? settled : line.flightEnd;
        const sofar = await this.records.recordedSoFar(tx, lineId);
        const day = sofar.lastDay === null ? line.flightStart : nextDay(sofar.lastDay);
        if (day > last) return 'idle';
        await this.record(tx, line, day, sofar.impressions);
        if (day === line.flightEnd && line.makeGoodOf === null && line.orderStatus !== 'canceled')
          await this.makeGoods.proposeIfShort(tx, line, await this.records.recordedSoFar(tx, lineId));
        return day < last ? 'continues' : 'done';
      });
    } catch (error) {
      if (error instanceof RecordedMeanwhileError) return 'lost';
      throw error;
    }
  }

  /** Records every settled day of every line due at `now`, one day per transaction; answers how many days. */
  async recordDue(now = new Date()): Promise<number> {
    let recorded = 0;
    const seen: string[] = [];
    for (let line = await this.findLineDue(now, seen); line; line = await this.findLineDue(now, seen)) {
      seen.push(line.id);
      let step: RecordingStep;
      do {
        step = await this.recordNextDay(line.id, now);
        if (step === 'continues' || step === 'done') recorded++;
      } while (step === 'continues');
    }
    return recorded;
  }

  private async record(tx: EntityManager, line: LineToRecord, day: string, impressionsBefore: number): Promise<void> {
    const byArticle = await this.records.impressionsByArticle(tx, line.id, day);
    const impressions = [...byArticle.values()].reduce((sum, n) => sum + n, 0);
    const amount = earnedOnDay(
      {
        pricingModel: line.pricingModel,
        taxable: line.taxable,
        goalImpressions: line.impressionsPerDay * line.flightDays,
        flightDays: line.flightDays,
      },
      { dayIndex: dayNumber(day) - dayNumber(line.flightStart), impressions, impressionsBefore },
    );
    const articles = splitOverArticles(amount, byArticle);
    // finance hears of an invoiced line's days that delivered; a make-good line was never invoiced
    const told =
      impressions > 0 && line.makeGoodOf === null
        ? await this.outbox.add(tx, DeliveryRecorded, {
            tenantId: line.tenantId,
            subject: line.id,
            data: {
              bookingId: line.id,
              day,
              impressions,
              currency: line.currency,
              amount: amount.toString(),
              articles,
            },
          })
        : null;
    const added = await this.records.addUnlessRecorded(tx, {
      lineId: line.id,
      day,
      tenantId: line.tenantId,
      orderId: line.orderId,
      impressions: String(impressions),
      currency: line.currency,
      amount: amount.toString(),
      articles,
      eventId: told?.id ?? null,
    });
    if (!added) throw new RecordedMeanwhileError();
  }
}

function nextDay(day: string): string {
  return dayOfNumber(dayNumber(day) + 1);
}
