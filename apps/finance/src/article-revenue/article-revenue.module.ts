import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ArticleRevenueRepository } from './article-revenue.repository';
import { ArticleRevenueService } from './article-revenue.service';
import { RevenueByArticleService } from './revenue-by-article.service';

/** What each article earned: recorded by the handlers of the facts that earn it, read by the report. */
@Module({
  imports: [CalendarModule],
  providers: [ArticleRevenueService, RevenueByArticleService, ArticleRevenueRepository],
  exports: [ArticleRevenueService, RevenueByArticleService],
})
export class ArticleRevenueModule {}
