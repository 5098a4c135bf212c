import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AccountType } from '@libs/contracts';

/** One account of an agency's chart of accounts, identified within the agency by its code. */
@Entity({ name: 'accounts' })
@Unique('accounts_tenant_code', ['tenantId', 'code'])
export class Account {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') type!: AccountType;
  /** The system posts to it by itself; finance may add accounts of its own (not system). */
  @Column('boolean', { default: false }) system!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
