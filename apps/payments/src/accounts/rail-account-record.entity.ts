import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PaymentRailName, RailEnvironment } from '@libs/contracts';

/** An agency's merchant account on one rail; its credentials sealed at rest (CredentialCipher, bound to the agency). */
@Entity({ name: 'rail_accounts' })
@Index('rail_accounts_tenant_rail', ['tenantId', 'rail'], { unique: true })
export class RailAccountRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') rail!: PaymentRailName;
  @Column('text') environment!: RailEnvironment;
  @Column('boolean') enabled!: boolean;
  /** The merchant's contract lets the rail save payers' wallets (MoMo tokenization). */
  @Column('boolean', { name: 'saves_wallets', default: false }) savesWallets!: boolean;
  @Column('text', { name: 'merchant_id' }) merchantId!: string;
  @Column('bytea', { name: 'credentials_sealed' }) credentialsSealed!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
