import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { IsLanguageTag } from '../language-tag.validator';
import { ARTICLE_ID, ArticleAuthor, ArticleIdRequest, ARTICLES_PER_PAGE } from '../paywall/article.rpc';

/**
 * An article of the agency as licensing knows it: its catalog follows the paywall's articles
 * (`evt.paywall.article.changed.v1`) and keeps what licensing needs; the CMS changes it only
 * through the paywall's article API. Lists leave the text out.
 */
export class CatalogArticleSummary {
  @Matches(ARTICLE_ID) articleId!: string;
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  @IsString() url!: string;
  @Nullable() @IsOptional() @IsString() section!: string | null;
  @Nullable() @IsOptional() @IsString() headline!: string | null;
  /** Whether the catalog holds the article's text (else it may have `bodyUrl`). */
  @IsBoolean() hasBody!: boolean;
  @Nullable() @IsOptional() @IsString() bodyUrl!: string | null;
  @Nullable() @IsOptional() @IsString() language!: string | null;
  @ValidateNested({ each: true }) @Type(() => ArticleAuthor) authors!: ArticleAuthor[];
  /** Null: the agency itself. */
  @Nullable() @IsOptional() @IsString() rightsHolder!: string | null;
  @Nullable() @IsOptional() @IsString() publishedAt!: string | null;
  @Nullable() @IsOptional() @IsString() embargoUntil!: string | null;
  @IsBoolean() licensable!: boolean;
  @IsString({ each: true }) excludedTerritories!: string[];
  /** The paywall's version of the article this state is. */
  @IsInt() @Min(1) version!: number;
  @IsString() updatedAt!: string;
}

export class CatalogArticleView extends CatalogArticleSummary {
  /** The article's text as the CMS gave it; null when it gave none (or only `bodyUrl`). */
  @Nullable() @IsOptional() @IsString() body!: string | null;
}

/** A page of the catalog by article id; deleted articles are not in it. */
export class CatalogArticleListQuery {
  /** `true`: only what the agency offers licensees; `false`: only what it does not; absent: both. */
  @IsOptional() @IsIn(['true', 'false']) licensable?: 'true' | 'false';
  /** Words the headline holds (case-insensitive). */
  @IsOptional() @IsString() @Length(1, 200) q?: string;
  /** A BCP 47 tag: articles in it or a narrower one (`vi` finds `vi` and `vi-VN`). */
  @IsOptional() @IsLanguageTag() language?: string;
  @IsOptional() @IsString() @Length(1, 100) section?: string;
  /** Default 50, at most 200. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(ARTICLES_PER_PAGE) limit?: number;
  /** The `nextAfter` of the previous page. */
  @IsOptional() @Matches(ARTICLE_ID, { message: 'after must be an article id' }) after?: string;
}

export class CatalogArticleListResponse {
  @ValidateNested({ each: true }) @Type(() => CatalogArticleSummary) items!: CatalogArticleSummary[];
  /** Pass as `after` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsString() nextAfter!: string | null;
}

export const ListCatalogArticles = defineRpc({
  subject: 'licensing.catalog-article.list.v1',
  request: CatalogArticleListQuery,
  response: CatalogArticleListResponse,
  description:
    "A page of the agency's catalog by article id, without the texts: licensable or not, by words of the headline, language or section.",
  roles: ['admin', 'editor'],
});

export const GetCatalogArticle = defineRpc({
  subject: 'licensing.catalog-article.get.v1',
  request: ArticleIdRequest,
  response: CatalogArticleView,
  description: "One article of the agency's catalog, with its text.",
  roles: ['admin', 'editor'],
});
