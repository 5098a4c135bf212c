import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The gateway's sites as the paywall needs them: which agency a publishable key speaks for. */
@Entity({ name: 'sites' })
@Index('sites_tenant', ['tenantId'])
export class PaywallSite {
  @PrimaryColumn('uuid', { name: 'site_id' }) siteId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'publishable_key', unique: true }) publishableKey!: string;
  @Column('text') domain!: string;
  @Column('integer') version!: number;
}
