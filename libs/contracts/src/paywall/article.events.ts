import { Nullable } from '../nullable';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../define-event';
import { ARTICLE_ACCESS_LEVELS, ArticleAccessLevel, ARTICLE_ID } from './article.rpc';

/** An article as the paywall's decision engine keeps it: the whole state, not a diff. */
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
