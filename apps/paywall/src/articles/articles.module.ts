import { Module } from '@nestjs/common';
import { ArticleRepository } from './article.repository';
import { ArticlesRpcController } from './articles.rpc.controller';
import { ArticlesService } from './articles.service';

@Module({
  controllers: [ArticlesRpcController],
  providers: [ArticleRepository, ArticlesService],
  exports: [ArticleRepository],
})
export class ArticlesModule {}
