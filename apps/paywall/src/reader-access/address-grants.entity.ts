import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest address grants of a group licence: readers from these networks are entitled. */
@Entity({ name: 'address_grants' })
export class AddressGrants {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'licence_id' }) licenceId!: string;
  @Column('text', { name: 'ip_ranges', array: true }) ipRanges!: string[];
  @Column('text', { array: true }) entitlements!: string[];
  @Column('timestamptz', { name: 'valid_until' }) validUntil!: Date;
  @Column('integer') version!: number;
}
