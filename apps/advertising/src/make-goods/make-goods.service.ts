import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail, Caller, NotFoundError } from '@libs/common';
import type { ListMakeGoodsRequest, MakeGoodView } from '@libs/contracts';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { makeGoodViewOf } from './make-good-view';
import { MakeGoodRepository, MakeGoodScope } from './make-good.repository';
import { EndedLine, FlightDelivery, shortfallOf } from './line-shortfall';

/** A line whose last day was just recorded, with whose it is. */
export interface LineAtFlightEnd extends EndedLine {
  id: string;
  tenantId: string;
  orderId: string;
  advertiserId: string;
  currency: string;
}

/** Make-good proposals: made when a flight ends short, read by ad ops and by the advertiser concerned. */
@Injectable()
export class MakeGoodsService {
  private readonly logger = new Logger(MakeGoodsService.name);

  constructor(
    private readonly makeGoods: MakeGoodRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Proposes a make-good, in the transaction that recorded the flight's last day, when the line
   * delivered short of its goal; a line gets at most one.
   */
  async proposeIfShort(tx: EntityManager, line: LineAtFlightEnd, delivery: FlightDelivery): Promise<void> {
    const shortfall = shortfallOf(line, delivery);
    if (!shortfall) return;
    const proposed = await this.makeGoods.addUnlessProposed(tx, {
      tenantId: line.tenantId,
      advertiserId: line.advertiserId,
      orderId: line.orderId,
      lineId: line.id,
      status: 'proposed',
      shortfallUnit: shortfall.unit,
      goal: String(shortfall.goal),
      delivered: String(shortfall.delivered),
      shortfall: String(shortfall.shortfall),
      missedDays: shortfall.missedDays,
      currency: line.currency,
      creditAmount: shortfall.creditAmount.toString(),
      reason: shortfall.reason,
      makeGoodLineId: null,
      makeGoodOrderId: null,
      history: [],
    });
    if (!proposed) return;
    await this.audit.record(tx, {
      tenantId: line.tenantId,
      action: 'make-good.proposed',
      targetType: 'make-good',
      targetId: proposed.id,
      after: makeGoodViewOf(proposed),
    });
    this.logger.log(`line ${line.id}: make-good ${proposed.id} proposed (${shortfall.reason})`);
  }

  async list(caller: Caller, request: ListMakeGoodsRequest): Promise<MakeGoodView[]> {
    return (await this.makeGoods.findMany(scopeOf(caller), request)).map(makeGoodViewOf);
  }

  async get(caller: Caller, id: string): Promise<MakeGoodView> {
    const makeGood = await this.makeGoods.findOne(scopeOf(caller), id);
    if (!makeGood) throw new NotFoundError('make-good', id);
    return makeGoodViewOf(makeGood);
  }
}

/** Staff see the agency's make-goods; an advertiser's key only its own (another's answer 404). */
export function scopeOf(caller: Caller): MakeGoodScope {
  return { tenantId: caller.tenantId, advertiserId: advertiserScopeOf(caller) };
}
