import type { MakeGoodView } from '@libs/contracts';
import type { MakeGood } from './make-good.entity';

export function makeGoodViewOf(makeGood: MakeGood): MakeGoodView {
  return {
    id: makeGood.id,
    advertiserId: makeGood.advertiserId,
    orderId: makeGood.orderId,
    lineId: makeGood.lineId,
    status: makeGood.status,
    shortfallUnit: makeGood.shortfallUnit,
    goal: Number(makeGood.goal),
    delivered: Number(makeGood.delivered),
    shortfall: Number(makeGood.shortfall),
    missedDays: makeGood.missedDays,
    currency: makeGood.currency,
    creditAmount: makeGood.creditAmount,
    reason: makeGood.reason,
    makeGoodLineId: makeGood.makeGoodLineId,
    makeGoodOrderId: makeGood.makeGoodOrderId,
    history: makeGood.history,
    createdAt: makeGood.createdAt.toISOString(),
  };
}
