import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CatalogArticleListQuery,
  CatalogArticleListResponse,
  CatalogArticleView,
  GetCatalogArticle,
  ListCatalogArticles,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { ArticleIdParam } from '../../http/article-id-param.pipe';

/** Licensing's catalog: the agency's articles as licensing follows them from the paywall (read only). */
@ApiTags('licensing')
@ApiBearerAuth()
@Controller('v1/licensing/catalog')
export class LicensingCatalogController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListCatalogArticles)
  @ApiOperation({
    summary:
      'Catalog articles by article id, without their texts, a page at a time; licensable or not, by words of the headline, language or section',
  })
  // Swagger lists decorators bottom-up: these read as the query string does.
  @ApiQuery({ name: 'after', required: false, type: String, description: 'the `nextAfter` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1-200, default 50' })
  @ApiQuery({ name: 'section', required: false, type: String })
  @ApiQuery({ name: 'language', required: false, type: String, description: 'a BCP 47 tag, e.g. vi' })
  @ApiQuery({ name: 'q', required: false, type: String, description: 'words the headline holds' })
  @ApiQuery({ name: 'licensable', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ type: CatalogArticleListResponse })
  listCatalogArticles(@Query() query: CatalogArticleListQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(ListCatalogArticles, query, caller);
  }

  @Get(':articleId')
  @Access(GetCatalogArticle)
  @ApiParam({
    name: 'articleId',
    description: "The agency's own article id, percent-encoded in the path (`/` as `%2F`)",
  })
  @ApiOkResponse({ type: CatalogArticleView })
  getCatalogArticle(@Param('articleId', ArticleIdParam) articleId: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetCatalogArticle, { articleId }, caller);
  }
}
