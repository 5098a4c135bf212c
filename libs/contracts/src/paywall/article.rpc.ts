import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { COUNTRY_CODES, CountryCode } from '../country-codes';
import { IsLanguageTag } from '../language-tag.validator';
import { MaxBytes } from '../max-bytes.validator';
import { isInstant } from '../subscriptions/future-instant.validator';

export const ARTICLE_ACCESS_LEVELS = ['free', 'metered', 'premium'] as const;

export type ArticleAccessLevel = (typeof ARTICLE_ACCESS_LEVELS)[number];

/**
 * The agency's own id of an article (its CMS id): 1-200 letters, digits or `._:/-`. `.` and `..`
 * alone are refused: no URL can carry them as a path segment.
 */
export const ARTICLE_ID = /^(?!\.{1,2}$)[A-Za-z0-9._:/-]{1,200}$/;

export const ARTICLE_ID_MESSAGE = 'articleId must be 1-200 letters, digits or ._:/- (not . or .. alone)';

export const ARTICLES_PER_BULK = 500;

export const ARTICLES_PER_PAGE = 200;

/**
 * An article's text travels whole in its `ArticleChanged` event: this many UTF-8 bytes keep the
 * event (JSON escapes included) well under the bus's 1 MiB message limit. Longer texts are given
 * as `bodyUrl`.
 */
export const ARTICLE_BODY_MAX_BYTES = 100_000;

const HTTP_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** Years every store of ours takes (PostgreSQL has no year 0; JavaScript writes 10000 as +010000). */
const EARLIEST = Date.UTC(1000, 0, 1);

const LATEST = Date.UTC(9999, 11, 31);

/** An ISO 8601 date-time with a time zone, e.g. 2026-05-01T08:30:00+07:00, in the years 1000-9999. */
function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && isInstant(value) && Date.parse(value) >= EARLIEST && Date.parse(value) <= LATEST,
      defaultMessage: () =>
        '$property must be an ISO 8601 date-time with a time zone in the years 1000-9999, e.g. 2026-05-01T08:30:00+07:00',
    },
  });
}

/** `body` and `bodyUrl` are two ways of giving one text: at most one of them. */
function IsNotGivenWithBody(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotGivenWithBody',
    validator: {
      validate: (value: unknown, args) =>
        value === null || value === undefined || ((args?.object ?? {}) as { body?: unknown }).body == null,
      defaultMessage: () => '$property and body cannot both be given: the text is one or the other',
    },
  });
}

/** One author of an article: the byline's name and, when the CMS has one, its own id of the contributor. */
export class ArticleAuthor {
  @IsString() @Length(1, 200) name!: string;
  /** The CMS's id of the contributor (royalties and statements may follow it); null when it has none. */
  @Nullable()
  @IsOptional()
  @Matches(ARTICLE_ID, { message: 'contributorId must be 1-200 letters, digits or ._:/-' })
  contributorId?: string | null;
}

/**
 * What the agency's CMS says about an article. An upsert replaces all of it: a field left out
 * becomes null (or no tags, no authors, not licensable).
 */
export class ArticleFields {
  /** Null or absent: the article belongs to every site of the agency. */
  @Nullable() @IsOptional() @IsUUID() siteId?: string | null;
  @IsUrl(HTTP_URL, { message: 'url must be an http(s) URL' }) @MaxLength(2048) url!: string;
  @Nullable() @IsOptional() @IsString() @Length(1, 100) section?: string | null;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 100, { each: true }) tags?: string[];
  @Nullable() @IsOptional() @IsString() @Length(1, 200) author?: string | null;
  @Nullable() @IsOptional() @IsInstant() publishedAt?: string | null;
  @IsIn(ARTICLE_ACCESS_LEVELS) accessLevel!: ArticleAccessLevel;
  /** A free or metered article becomes premium this many days after publication (archive lock). */
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(36_500) lockAfterDays?: number | null;
  /** A premium article becomes free this many days after publication. */
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(36_500) freeAfterDays?: number | null;
  /* What licensing needs (its catalog follows these; the paywall decides on none of them). */
  @Nullable() @IsOptional() @IsString() @Length(1, 500) headline?: string | null;
  /** The article's text (HTML or plain, as the CMS keeps it), at most 100,000 bytes; or give `bodyUrl`. */
  @Nullable() @IsOptional() @IsString() @MaxBytes(ARTICLE_BODY_MAX_BYTES) body?: string | null;
  /** Where licensees fetch the text, instead of `body`. */
  @Nullable()
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'bodyUrl must be an http(s) URL' })
  @MaxLength(2048)
  @IsNotGivenWithBody()
  bodyUrl?: string | null;
  /** BCP 47 (`vi`, `en-US`); kept in its canonical form. */
  @Nullable() @IsOptional() @IsLanguageTag() language?: string | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ArticleAuthor)
  authors?: ArticleAuthor[];
  /** Who holds the rights when not the agency itself (a wire service, a freelance photographer). */
  @Nullable() @IsOptional() @IsString() @Length(1, 200) rightsHolder?: string | null;
  /** No licensee receives the article before this instant. */
  @Nullable() @IsOptional() @IsInstant() embargoUntil?: string | null;
  /**
   * Whether the agency offers the article to licensees; absent: false. An agency opts articles in,
   * because what it publishes may carry rights it cannot pass on (wire copy, bought photos).
   */
  @IsOptional() @IsBoolean() licensable?: boolean;
  /** ISO 3166-1 alpha-2 codes of countries where no licence of the article may be used. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COUNTRY_CODES.length)
  @ArrayUnique()
  @IsIn(COUNTRY_CODES, { each: true })
  excludedTerritories?: CountryCode[];
}

export class UpsertArticleRequest extends ArticleFields {
  @Matches(ARTICLE_ID, { message: ARTICLE_ID_MESSAGE }) articleId!: string;
}

export class ArticleIdRequest {
  @Matches(ARTICLE_ID, { message: ARTICLE_ID_MESSAGE }) articleId!: string;
}

export class UpsertArticlesRequest {
  /** All or nothing: one invalid item, or one article id given twice, and nothing is written. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ARTICLES_PER_BULK)
  @ValidateNested({ each: true })
  @Type(() => UpsertArticleRequest)
  items!: UpsertArticleRequest[];
}

export class ArticleBulkUpsertResult {
  /** Articles the paywall did not know (version 1). */
  @IsInt() created!: number;
  /** Articles that changed, deleted ones given again included. */
  @IsInt() updated!: number;
  /** Articles given exactly as they were: no new version, no event. */
  @IsInt() unchanged!: number;
}

export class ArticleView {
  @Matches(ARTICLE_ID) articleId!: string;
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  @IsString() url!: string;
  @Nullable() @IsOptional() @IsString() section!: string | null;
  @IsString({ each: true }) tags!: string[];
  @Nullable() @IsOptional() @IsString() author!: string | null;
  @Nullable() @IsOptional() @IsString() publishedAt!: string | null;
  @IsIn(ARTICLE_ACCESS_LEVELS) accessLevel!: ArticleAccessLevel;
  @Nullable() @IsOptional() @IsInt() lockAfterDays!: number | null;
  @Nullable() @IsOptional() @IsInt() freeAfterDays!: number | null;
  @Nullable() @IsOptional() @IsString() headline!: string | null;
  /** UTF-8 bytes of the text held, null when none: the text itself is licensing's to serve (its catalog), not the paywall's. */
  @Nullable() @IsOptional() @IsInt() @Min(0) bodyBytes!: number | null;
  @Nullable() @IsOptional() @IsString() bodyUrl!: string | null;
  @Nullable() @IsOptional() @IsString() language!: string | null;
  @ValidateNested({ each: true }) @Type(() => ArticleAuthor) authors!: ArticleAuthor[];
  @Nullable() @IsOptional() @IsString() rightsHolder!: string | null;
  @Nullable() @IsOptional() @IsString() embargoUntil!: string | null;
  @IsBoolean() licensable!: boolean;
  @IsString({ each: true }) excludedTerritories!: string[];
  /** Grows by one with every change of the article. */
  @IsInt() @Min(1) version!: number;
  @IsString() updatedAt!: string;
}

/** A page of the agency's live articles, by article id. */
export class ArticleListQuery {
  @IsOptional() @IsString() @Length(1, 100) section?: string;
  @IsOptional() @IsIn(ARTICLE_ACCESS_LEVELS) accessLevel?: ArticleAccessLevel;
  /** Default 50, at most 200. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(ARTICLES_PER_PAGE) limit?: number;
  /** The `nextAfter` of the previous page: answers articles whose id sorts after it. */
  @IsOptional() @Matches(ARTICLE_ID, { message: 'after must be an article id' }) after?: string;
}

export class ArticleListResponse {
  @ValidateNested({ each: true }) @Type(() => ArticleView) items!: ArticleView[];
  /** Pass as `after` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsString() nextAfter!: string | null;
}

export const UpsertArticle = defineRpc({
  subject: 'paywall.article.upsert.v1',
  request: UpsertArticleRequest,
  response: ArticleView,
  description:
    "Creates or replaces one article's access metadata; the same metadata again changes nothing (same version, no event).",
  roles: ['admin', 'editor'],
});

export const UpsertArticles = defineRpc({
  subject: 'paywall.article.bulk-upsert.v1',
  request: UpsertArticlesRequest,
  response: ArticleBulkUpsertResult,
  description:
    'Creates or replaces up to 500 articles at once, all or nothing; answers how many were created, updated and unchanged.',
  roles: ['admin', 'editor'],
});

export const GetArticle = defineRpc({
  subject: 'paywall.article.get.v1',
  request: ArticleIdRequest,
  response: ArticleView,
  description: 'One live article of the calling agency, by its own article id.',
  roles: ['admin', 'editor'],
});

export const ListArticles = defineRpc({
  subject: 'paywall.article.list.v1',
  request: ArticleListQuery,
  response: ArticleListResponse,
  description: "A page of the calling agency's live articles by article id, optionally of one section or access level.",
  roles: ['admin', 'editor'],
});

export const DeleteArticle = defineRpc({
  subject: 'paywall.article.delete.v1',
  request: ArticleIdRequest,
  response: ArticleView,
  description:
    'Deletes an article (softly: a later upsert revives it with a higher version); answers it as it was last.',
  roles: ['admin', 'editor'],
});
