import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ArticleAccessLevel } from '@libs/contracts';

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
  /** 1 when created, one more with every change (deletion and revival included). */
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
