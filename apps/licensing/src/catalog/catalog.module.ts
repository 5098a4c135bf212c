import { Module } from '@nestjs/common';
import { CatalogArticleRepository } from './catalog-article.repository';
import { CatalogEventsController } from './catalog.events.controller';
import { CatalogRpcController } from './catalog.rpc.controller';
import { CatalogService } from './catalog.service';

/** The agency's articles as licensing needs them, followed from the paywall's events. */
@Module({
  controllers: [CatalogEventsController, CatalogRpcController],
  providers: [CatalogService, CatalogArticleRepository],
  exports: [CatalogService],
})
export class CatalogModule {}
