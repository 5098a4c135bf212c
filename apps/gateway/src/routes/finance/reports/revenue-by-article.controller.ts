import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  ArticleRevenueRow,
  GetRevenueByArticle,
  RevenueByArticleRequest,
  RevenueByArticleResponse,
} from '@libs/contracts';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { ReportFormatQuery } from '../../../http/report-format.query';
import { sendCsv } from '../../../http/send-csv';

class RevenueByArticleQuery extends IntersectionType(RevenueByArticleRequest, ReportFormatQuery) {}

const ARTICLE_COLUMNS: (keyof ArticleRevenueRow)[] = [
  'articleId',
  'currency',
  'subscriptions',
  'advertising',
  'licensing',
  'total',
];

/** The revenue by article report, as JSON or CSV. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reports/revenue-by-article')
export class FinanceReportsRevenueByArticleController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetRevenueByArticle)
  @ApiOperation({
    summary:
      'The articles that earned most in the months asked, across subscriptions they converted, ads on their pages and licence usage; `format=csv` for a file',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RevenueByArticleResponse })
  async revenueByArticle(
    @Query() query: RevenueByArticleQuery,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...request } = query;
    const report = await this.rpc.request(GetRevenueByArticle, request, caller);
    return format === 'csv'
      ? sendCsv(reply, `revenue-by-article-${query.from}-${query.to}.csv`, report.rows, ARTICLE_COLUMNS)
      : report;
  }
}
