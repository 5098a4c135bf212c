import { Injectable } from '@nestjs/common';
import { METRICS_MAX_MONTHS, RevenueByArticleRequest, RevenueByArticleResponse } from '@libs/contracts';
import { reportSpan } from '../calendar/calendar-month';
import { ArticleRevenueRepository } from './article-revenue.repository';

const DEFAULT_LIMIT = 100;

/**
 * Revenue per article. A subscription's payments count for the article of its checkout (the first
 * state that named one), whichever of the two facts finance heard first.
 */
@Injectable()
export class RevenueByArticleService {
  constructor(private readonly articleRevenue: ArticleRevenueRepository) {}

  async report(tenantId: string, request: RevenueByArticleRequest): Promise<RevenueByArticleResponse> {
    reportSpan(request.from, request.to, METRICS_MAX_MONTHS);
    const rows = await this.articleRevenue.findRevenueByArticle(
      tenantId,
      request.from,
      request.to,
      request.limit ?? DEFAULT_LIMIT,
    );
    return { rows };
  }
}
