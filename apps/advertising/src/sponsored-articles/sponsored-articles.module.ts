import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { CreativesModule } from '../creatives/creatives.module';
import { OrdersModule } from '../orders/orders.module';
import { QuotesModule } from '../quotes/quotes.module';
import { TenantsModule } from '../tenants/tenants.module';
import { SponsoredArticleRepository } from './sponsored-article.repository';
import { SponsoredArticlesRpcController } from './sponsored-articles.rpc.controller';
import { SponsoredArticlesService } from './sponsored-articles.service';

/** Sponsored articles ("bài PR"): priced per article, exposed on the homepage for a window, always labelled. */
@Module({
  imports: [AdUnitsModule, CreativesModule, OrdersModule, QuotesModule, TenantsModule],
  controllers: [SponsoredArticlesRpcController],
  providers: [SponsoredArticlesService, SponsoredArticleRepository],
})
export class SponsoredArticlesModule {}
