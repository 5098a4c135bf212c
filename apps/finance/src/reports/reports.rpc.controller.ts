import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  DeferredRevenueRequest,
  DeferredRevenueResponse,
  GetDeferredRevenue,
  GetRevenueByArticle,
  GetRevenueReport,
  RevenueByArticleRequest,
  RevenueByArticleResponse,
  RevenueReportRequest,
  RevenueReportResponse,
} from '@libs/contracts';
import { RevenueByArticleService } from '../article-revenue/revenue-by-article.service';
import { DeferredRevenueService } from './deferred-revenue.service';
import { RevenueReportService } from './revenue-report.service';

@Controller()
export class ReportsRpcController {
  constructor(
    private readonly revenue: RevenueReportService,
    private readonly deferred: DeferredRevenueService,
    private readonly byArticle: RevenueByArticleService,
  ) {}

  @RpcHandler(GetRevenueReport)
  revenueReport(@Payload() request: RevenueReportRequest, @CallerOf() caller: Caller): Promise<RevenueReportResponse> {
    return this.revenue.report(caller.tenantId, request);
  }

  @RpcHandler(GetDeferredRevenue)
  deferredRevenue(
    @Payload() request: DeferredRevenueRequest,
    @CallerOf() caller: Caller,
  ): Promise<DeferredRevenueResponse> {
    return this.deferred.waterfall(caller.tenantId, request);
  }

  @RpcHandler(GetRevenueByArticle)
  revenueByArticle(
    @Payload() request: RevenueByArticleRequest,
    @CallerOf() caller: Caller,
  ): Promise<RevenueByArticleResponse> {
    return this.byArticle.report(caller.tenantId, request);
  }
}
