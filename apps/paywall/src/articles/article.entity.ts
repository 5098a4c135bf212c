import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ArticleAccessLevel } from '@libs/contracts';
import type { ArticleAuthorContent } from './article-content';

/**
 * An article's access metadata as the agency's CMS pushes it, keyed by the agency's own article
 * id. Deleting keeps the row (`deleted_at`) so a revived article carries on with its version.
 */
@Entity({ name: 'articles' })
@Index('articles_tenant_section', ['tenantId', 'section', 'articleId'])
export class Article {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** Byte order (`C`), so pages by article id come in the same order everywhere. */
  @PrimaryColumn('text', { name: 'article_id', collation: 'C' }) articleId!: string;
  @Column('uuid', { name: 'site_id', nullable: true }) siteId!: string | null;
  @Column('text') url!: string;
  @Column('text', { nullable: true }) section!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) tags!: string[];
  @Column('text', { nullable: true }) author!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('text', { name: 'access_level' }) accessLevel!: ArticleAccessLevel;
  @Column('integer', { name: 'lock_after_days', nullable: true }) lockAfterDays!: number | null;
  @Column('integer', { name: 'free_after_days', nullable: true }) freeAfterDays!: number | null;
  /** What licensing needs, published for its catalog; the paywall decides on none of it. */
  @Column('text', { nullable: true }) headline!: string | null;
  /** Never loaded into the decision engine's memory: reads by the paywall select its size alone. */
  @Column('text', { nullable: true }) body!: string | null;
  @Column('text', { name: 'body_url', nullable: true }) bodyUrl!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) authors!: ArticleAuthorContent[];
  @Column('text', { name: 'rights_holder', nullable: true }) rightsHolder!: string | null;
  @Column('timestamptz', { name: 'embargo_until', nullable: true }) embargoUntil!: Date | null;
  @Column('boolean', { default: false }) licensable!: boolean;
  @Column('text', { name: 'excluded_territories', array: true, default: () => "'{}'" }) excludedTerritories!: string[];
  /** 1 when created, one more with every change (deletion and revival included). */
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
