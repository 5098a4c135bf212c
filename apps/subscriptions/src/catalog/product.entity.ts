import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Something readers subscribe to, and what it entitles them to. */
@Entity({ name: 'products' })
@Index('products_tenant', ['tenantId'])
export class Product {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'product_type' }) productType!: string;
  @Column('text', { array: true }) entitlements!: string[];
  @Column('text', { name: 'provider_product_id' }) providerProductId!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
