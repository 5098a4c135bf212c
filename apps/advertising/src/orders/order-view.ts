import type { OrderView } from '@libs/contracts';
import type { OrderLine } from './order-line.entity';
import type { Order } from './order.entity';

export function orderViewOf(order: Order, lines: OrderLine[]): OrderView {
  return {
    id: order.id,
    advertiserId: order.advertiserId,
    name: order.name,
    status: order.status,
    currency: order.currency,
    lines: lines
      .filter((line) => line.orderId === order.id)
      .map((line) => ({
        id: line.id,
        adUnitId: line.adUnitId,
        pricingModel: line.pricingModel,
        flightStart: line.flightStart,
        flightEnd: line.flightEnd,
        impressionsPerDay: line.impressionsPerDay,
        targeting: line.targeting,
        delivery: { priority: line.priority, frequencyCap: line.frequencyCap, pacing: line.pacing },
        quote: line.quote,
        roadblockId: line.roadblockId,
        makeGoodOf: line.makeGoodOf,
      })),
    taxable: order.taxable,
    vat: order.vat,
    total: order.total,
    holdExpiresAt: order.holdExpiresAt?.toISOString() ?? null,
    cancellationPenalty: order.cancellationPenalty,
    cancellation: order.cancellation,
    paymentTerms: order.paymentTerms,
    netDays: order.netDays,
    invoiceId: order.invoiceId,
    payBy: order.payBy?.toISOString() ?? null,
    paidAt: order.paidAt?.toISOString() ?? null,
    history: order.history,
    takeover: order.takeover,
    sponsoredArticle: order.sponsoredArticle,
    createdAt: order.createdAt.toISOString(),
  };
}
