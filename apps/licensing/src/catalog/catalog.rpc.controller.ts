import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ArticleIdRequest,
  CatalogArticleListQuery,
  CatalogArticleListResponse,
  CatalogArticleView,
  GetCatalogArticle,
  ListCatalogArticles,
} from '@libs/contracts';
import { CatalogService } from './catalog.service';

@Controller()
export class CatalogRpcController {
  constructor(private readonly catalog: CatalogService) {}

  @RpcHandler(ListCatalogArticles)
  list(@Payload() query: CatalogArticleListQuery, @CallerOf() caller: Caller): Promise<CatalogArticleListResponse> {
    return this.catalog.list(caller.tenantId, query);
  }

  @RpcHandler(GetCatalogArticle)
  get(@Payload() request: ArticleIdRequest, @CallerOf() caller: Caller): Promise<CatalogArticleView> {
    return this.catalog.get(caller.tenantId, request.articleId);
  }
}
