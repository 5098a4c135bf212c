import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CountryCode, LicenseeKind } from '@libs/contracts';

/**
 * An organisation licensing the agency's content: another outlet, an aggregator, an AI company.
 * Its client id names it to the licence server; of its client secret only a hash is kept.
 */
@Entity({ name: 'licensees' })
@Index('licensees_tenant_name', ['tenantId', 'name'])
@Index('licensees_client_id', ['clientId'], { unique: true })
export class Licensee {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: LicenseeKind;
  /** ISO 3166-1 alpha-2. */
  @Column('text') country!: CountryCode;
  @Column('text', { name: 'tax_code', nullable: true }) taxCode!: string | null;
  @Column('text', { name: 'contact_name' }) contactName!: string;
  @Column('text', { name: 'contact_email' }) contactEmail!: string;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone!: string | null;
  @Column('text', { name: 'client_id' }) clientId!: string;
  /** SHA-256 of the current client secret; null until one is issued. */
  @Column('bytea', { name: 'client_secret_hash', nullable: true }) clientSecretHash!: Buffer | null;
  @Column('timestamptz', { name: 'client_secret_issued_at', nullable: true }) clientSecretIssuedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
