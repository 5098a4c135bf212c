import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ARTICLE_ACCESS_LEVELS,
  ArticleBulkUpsertResult,
  ArticleFields,
  ArticleListQuery,
  ArticleListResponse,
  ArticleView,
  DeleteArticle,
  GetArticle,
  ListArticles,
  UpsertArticle,
  UpsertArticles,
  UpsertArticlesRequest,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { ArticleIdParam } from '../../http/article-id-param.pipe';

const ARTICLE_ID_PARAM = {
  name: 'articleId',
  description:
    "The agency's own article id: 1-200 letters, digits or `._:/-`, percent-encoded in the path (`/` as `%2F`)",
};

/** Article access metadata pushed by the agency's CMS, which the paywall decides on. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/articles')
export class PaywallArticlesController {
  constructor(private readonly rpc: RpcClient) {}

  @Put(':articleId')
  @Access(UpsertArticle)
  @ApiParam(ARTICLE_ID_PARAM)
  @ApiOperation({
    summary:
      "Create or replace an article's access metadata; the same metadata again keeps its version and publishes nothing",
  })
  @ApiOkResponse({ type: ArticleView })
  upsert(
    @Param('articleId', ArticleIdParam) articleId: string,
    @Body() body: ArticleFields,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(UpsertArticle, { ...body, articleId }, caller);
  }

  @Post('bulk')
  @HttpCode(200)
  @Access(UpsertArticles)
  @ApiOperation({
    summary:
      'Create or replace 1-500 articles, all or nothing (an invalid item or an id given twice: 400 naming `items[N].field`); answers the counts',
  })
  @ApiOkResponse({ type: ArticleBulkUpsertResult })
  upsertAll(@Body() body: UpsertArticlesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(UpsertArticles, body, caller);
  }

  @Get()
  @Access(ListArticles)
  @ApiOperation({
    summary: 'Live articles by article id, a page at a time (`limit` up to 200, `after` = the previous `nextAfter`)',
  })
  // Swagger lists decorators bottom-up: these read as the query string does.
  @ApiQuery({ name: 'after', required: false, type: String, description: 'the `nextAfter` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1-200, default 50' })
  @ApiQuery({ name: 'accessLevel', required: false, enum: ARTICLE_ACCESS_LEVELS })
  @ApiQuery({ name: 'section', required: false, type: String })
  @ApiOkResponse({ type: ArticleListResponse })
  list(@Query() query: ArticleListQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(ListArticles, query, caller);
  }

  @Get(':articleId')
  @Access(GetArticle)
  @ApiParam(ARTICLE_ID_PARAM)
  @ApiOkResponse({ type: ArticleView })
  get(@Param('articleId', ArticleIdParam) articleId: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetArticle, { articleId }, caller);
  }

  @Delete(':articleId')
  @HttpCode(204)
  @Access(DeleteArticle)
  @ApiParam(ARTICLE_ID_PARAM)
  @ApiOperation({
    summary:
      'Delete an article (404 when unknown or already deleted); putting it again revives it with a higher version',
  })
  @ApiNoContentResponse()
  async delete(@Param('articleId', ArticleIdParam) articleId: string, @CallerFor() caller: Caller) {
    await this.rpc.request(DeleteArticle, { articleId }, caller);
  }
}
