import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ConversionListResponse, ListConversions, ListConversionsRequest } from '@libs/contracts';
import { Conversion } from './conversion.entity';

@Controller()
export class ConversionsRpcController {
  constructor(private readonly dataSource: DataSource) {}

  @RpcHandler(ListConversions, { roles: ['admin', 'editor', 'finance'] })
  async list(@Payload() request: ListConversionsRequest, @CallerOf() caller: Caller): Promise<ConversionListResponse> {
    const query = this.dataSource
      .getRepository(Conversion)
      .createQueryBuilder('c')
      .where('c.tenantId = :tenantId', { tenantId: caller.tenantId });
    if (request.from) query.andWhere('c.convertedAt >= :from', { from: new Date(request.from) });
    if (request.to) query.andWhere('c.convertedAt < :to', { to: new Date(request.to) });
    const rows = await query.orderBy('c.convertedAt', 'ASC').addOrderBy('c.subscriptionId', 'ASC').take(1000).getMany();
    return {
      items: rows.map((row) => ({
        subscriptionId: row.subscriptionId,
        planId: row.planId,
        articleId: row.articleId,
        offerId: row.offerId,
        experimentId: row.experimentId,
        arm: row.arm,
        revenue: row.revenue,
        currency: row.currency,
        convertedAt: row.convertedAt.toISOString(),
      })),
    };
  }
}
