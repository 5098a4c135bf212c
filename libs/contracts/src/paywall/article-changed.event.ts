import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../define-event';

export const ARTICLE_ACCESS_LEVELS = ['free', 'metered', 'premium'] as const;
export type ArticleAccessLevel = (typeof ARTICLE_ACCESS_LEVELS)[number];

export class ArticleChangedEvent {
  @IsString() articleId!: string;
  @IsOptional() @IsUUID() siteId!: string | null;
  @IsString() url!: string;
  @IsOptional() @IsString() section!: string | null;
  @IsString({ each: true }) tags!: string[];
  @IsOptional() @IsString() author!: string | null;
  @IsOptional() @IsString() publishedAt!: string | null;
  @IsIn(ARTICLE_ACCESS_LEVELS) accessLevel!: ArticleAccessLevel;
  @IsOptional() @IsInt() lockAfterDays!: number | null;
  @IsOptional() @IsInt() freeAfterDays!: number | null;
  @IsInt() @Min(1) version!: number;
  @IsBoolean() deleted!: boolean;
}

export const ArticleChanged = defineEvent({
  subject: 'evt.paywall.article.changed.v1',
  data: ArticleChangedEvent,
  description: "An article's access metadata changed (or it was deleted); ordered by `version` per article.",
});
