import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Seats of a plan's product bought by an organisation. `seatsUsed` moves only together with the
 * member rows, and the database refuses it above `seats`, whatever the code does.
 */
@Entity({ name: 'group_licences' })
@Index('group_licences_tenant_created', ['tenantId', 'createdAt'])
@Check('group_licences_seats', '"seats_used" >= 0 AND "seats_used" <= "seats"')
export class GroupLicence {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('uuid', { name: 'product_id' }) productId!: string;
  @Column('integer') seats!: number;
  @Column('integer', { name: 'seats_used', default: 0 }) seatsUsed!: number;
  /** Lowercase; an email at exactly one of these domains may join. */
  @Column('text', { name: 'email_domains', array: true }) emailDomains!: string[];
  /** CIDR networks, validated strictly; addresses inside are entitled without a seat. */
  @Column('text', { name: 'ip_ranges', array: true }) ipRanges!: string[];
  @Column('timestamptz', { name: 'valid_until' }) validUntil!: Date;
  /** Per licence, strictly increasing: the version of the last published address grants. */
  @Column('integer', { name: 'address_grants_version', default: 0 }) addressGrantsVersion!: number;
  /** When the end of the licence was published to address-grant consumers (null while it runs). */
  @Column('timestamptz', { name: 'address_grants_ended_at', nullable: true }) addressGrantsEndedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
