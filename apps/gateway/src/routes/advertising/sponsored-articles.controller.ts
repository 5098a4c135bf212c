import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
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
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Sponsored articles ("bài PR"): priced per article, exposed on the homepage for a window, always labelled. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/sponsored-articles')
export class AdvertisingSponsoredArticlesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(BookSponsoredArticle)
  @ApiOperation({
    summary:
      "Book a sponsored article (bài PR), priced per article: a draft order holding the homepage unit exclusively for the exposure window (409 naming the days taken) and the article's teaser (a native creative linking to it, labelled with the agency's sponsored label, which the advertiser cannot change), pending review. Send an Idempotency-Key: a retry books once",
  })
  @ApiCreatedResponse({ type: OrderView })
  bookSponsoredArticle(@Body() body: BookSponsoredArticleRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(BookSponsoredArticle, body, caller);
  }

  @Get()
  @Access(ListSponsoredArticles)
  @ApiOperation({
    summary:
      "The agency's sold sponsored articles, for its CMS to label them (by `siteId`, `articleUrl` or `articleId`): approved, live, completed, or canceled after going live",
  })
  @ApiOkResponse({ type: SponsoredArticleListResponse })
  listSponsoredArticles(@Query() query: ListSponsoredArticlesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListSponsoredArticles, query, caller);
  }

  @Get('label')
  @Access(GetSponsoredLabel)
  @ApiOkResponse({ type: SponsoredLabelView })
  getSponsoredLabel(@CallerFor() caller: Caller) {
    return this.rpc.request(GetSponsoredLabel, {}, caller);
  }

  @Put('label')
  @Access(SetSponsoredLabel)
  @ApiOperation({
    summary:
      'Set the label sponsored articles carry from their next booking (null: the locale\'s default, "Bài PR" or "Sponsored")',
  })
  @ApiOkResponse({ type: SponsoredLabelView })
  setSponsoredLabel(@Body() body: SetSponsoredLabelRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(SetSponsoredLabel, body, caller);
  }
}
