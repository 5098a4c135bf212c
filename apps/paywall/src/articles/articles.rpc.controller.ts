import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ArticleBulkUpsertResult,
  ArticleIdRequest,
  ArticleListQuery,
  ArticleListResponse,
  ArticleView,
  DeleteArticle,
  GetArticle,
  ListArticles,
  UpsertArticle,
  UpsertArticleRequest,
  UpsertArticles,
  UpsertArticlesRequest,
} from '@libs/contracts';
import { ArticlesService } from './articles.service';

@Controller()
export class ArticlesRpcController {
  constructor(private readonly articles: ArticlesService) {}

  @RpcHandler(UpsertArticle)
  upsert(@Payload() request: UpsertArticleRequest, @CallerOf() caller: Caller): Promise<ArticleView> {
    return this.articles.upsert(caller.tenantId, request);
  }

  @RpcHandler(UpsertArticles)
  upsertAll(@Payload() request: UpsertArticlesRequest, @CallerOf() caller: Caller): Promise<ArticleBulkUpsertResult> {
    return this.articles.upsertAll(caller.tenantId, request.items);
  }

  @RpcHandler(GetArticle)
  get(@Payload() request: ArticleIdRequest, @CallerOf() caller: Caller): Promise<ArticleView> {
    return this.articles.get(caller.tenantId, request.articleId);
  }

  @RpcHandler(ListArticles)
  list(@Payload() query: ArticleListQuery, @CallerOf() caller: Caller): Promise<ArticleListResponse> {
    return this.articles.list(caller.tenantId, query);
  }

  @RpcHandler(DeleteArticle)
  delete(@Payload() request: ArticleIdRequest, @CallerOf() caller: Caller): Promise<ArticleView> {
    return this.articles.delete(caller.tenantId, request.articleId);
  }
}
