import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  BookSponsoredArticle,
  BookSponsoredArticleRequest,
  GetSponsoredLabel,
  ListSponsoredArticles,
  ListSponsoredArticlesRequest,
  OrderView,
  SetSponsoredLabel,
  SetSponsoredLabelRequest,
  SponsoredArticleListResponse,
  SponsoredLabelView,
  TenantScopedRequest,
} from '@libs/contracts';
import { SponsoredArticlesService } from './sponsored-articles.service';

@Controller()
export class SponsoredArticlesRpcController {
  constructor(private readonly articles: SponsoredArticlesService) {}

  @RpcHandler(BookSponsoredArticle)
  book(@Payload() request: BookSponsoredArticleRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.articles.book(caller, request);
  }

  @RpcHandler(ListSponsoredArticles)
  async list(
    @Payload() request: ListSponsoredArticlesRequest,
    @CallerOf() caller: Caller,
  ): Promise<SponsoredArticleListResponse> {
    return { items: await this.articles.list(caller, request) };
  }

  @RpcHandler(GetSponsoredLabel)
  getLabel(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<SponsoredLabelView> {
    return this.articles.label(caller.tenantId);
  }

  @RpcHandler(SetSponsoredLabel)
  setLabel(@Payload() request: SetSponsoredLabelRequest, @CallerOf() caller: Caller): Promise<SponsoredLabelView> {
    return this.articles.setLabel(caller.tenantId, request.label ?? null);
  }
}
