import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One author as the catalog keeps it. */
export interface CatalogAuthor {
  name: string;
  contributorId: string | null;
}

/**
 * An article of the agency as licensing needs it, projected from the paywall's
 * `ArticleChanged` events and changed by nothing else: the newest version wins, an older one
 * changes nothing. A deleted article keeps its row and version (so a late older event cannot
 * bring it back) but not its text.
 */
@Entity({ name: 'catalog_articles' })
@Index('catalog_articles_tenant_licensable', ['tenantId', 'licensable', 'articleId'])
export class CatalogArticle {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** Byte order (`C`), so pages by article id come in the same order as the paywall's. */
  @PrimaryColumn('text', { name: 'article_id', collation: 'C' }) articleId!: string;
  @Column('uuid', { name: 'site_id', nullable: true }) siteId!: string | null;
  @Column('text') url!: string;
  @Column('text', { nullable: true }) section!: string | null;
  @Column('text', { nullable: true }) headline!: string | null;
  @Column('text', { nullable: true }) body!: string | null;
  @Column('text', { name: 'body_url', nullable: true }) bodyUrl!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) authors!: CatalogAuthor[];
  @Column('text', { name: 'rights_holder', nullable: true }) rightsHolder!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { name: 'embargo_until', nullable: true }) embargoUntil!: Date | null;
  @Column('boolean') licensable!: boolean;
  @Column('text', { name: 'excluded_territories', array: true, default: () => "'{}'" }) excludedTerritories!: string[];
  /** The paywall's version of the article. */
  @Column('integer') version!: number;
  @Column('boolean') deleted!: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
