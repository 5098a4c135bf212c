import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../define-event';
import { MaxBytes } from '../max-bytes.validator';
import {
  ARTICLE_ACCESS_LEVELS,
  ARTICLE_BODY_MAX_BYTES,
  ArticleAccessLevel,
  ArticleAuthor,
  ARTICLE_ID,
} from './article.rpc';

/**
 * An article as the CMS last gave it: the whole state, not a diff. The paywall decides on its
 * access fields; licensing's catalog follows the rest. The fields after `freeAfterDays` came later:
 * absent in older events, where they mean none (not licensable).
 */
export class ArticleChangedEvent {
  @Matches(ARTICLE_ID) articleId!: string;
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  @IsString() url!: string;
  @Nullable() @IsOptional() @IsString() section!: string | null;
  @IsArray() @IsString({ each: true }) tags!: string[];
  @Nullable() @IsOptional() @IsString() author!: string | null;
  /** ISO instant, or null when the CMS gave none. */
  @Nullable() @IsOptional() @IsString() publishedAt!: string | null;
  @IsIn(ARTICLE_ACCESS_LEVELS) accessLevel!: ArticleAccessLevel;
  @Nullable() @IsOptional() @IsInt() @Min(1) lockAfterDays!: number | null;
  @Nullable() @IsOptional() @IsInt() @Min(1) freeAfterDays!: number | null;
  @Nullable() @IsOptional() @IsString() headline?: string | null;
  @Nullable() @IsOptional() @IsString() @MaxBytes(ARTICLE_BODY_MAX_BYTES) body?: string | null;
  @Nullable() @IsOptional() @IsString() bodyUrl?: string | null;
  /** BCP 47, canonical. */
  @Nullable() @IsOptional() @IsString() language?: string | null;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ArticleAuthor) authors?: ArticleAuthor[];
  @Nullable() @IsOptional() @IsString() rightsHolder?: string | null;
  /** ISO instant before which no licensee receives the article. */
  @Nullable() @IsOptional() @IsString() embargoUntil?: string | null;
  @IsOptional() @IsBoolean() licensable?: boolean;
  /** ISO 3166-1 alpha-2 codes. */
  @IsOptional() @IsArray() @IsString({ each: true }) excludedTerritories?: string[];
  /** Per article and agency, strictly increasing: a consumer keeps the highest it has seen. */
  @IsInt() @Min(1) version!: number;
  /** True once the article is deleted (the other fields are its last state). */
  @IsBoolean() deleted!: boolean;
}

export const ArticleChanged = defineEvent({
  subject: 'evt.paywall.article.changed.v1',
  data: ArticleChangedEvent,
  description:
    "An article's access metadata was created, changed, deleted or revived; the whole state, ordered by `version` per agency and article id (the envelope's subject).",
});
