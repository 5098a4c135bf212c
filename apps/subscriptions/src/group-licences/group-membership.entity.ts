import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { GroupJoinRoute } from '@libs/contracts';

/** A reader holding a seat of a group licence: one seat per email, and per reader, per licence. */
@Entity({ name: 'group_licence_members' })
@Index('group_licence_members_email', ['licenceId', 'email'], { unique: true })
@Index('group_licence_members_reader', ['licenceId', 'readerKey'], { unique: true })
@Index('group_licence_members_tenant_reader', ['tenantId', 'readerKey'])
export class GroupMembership {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'licence_id' }) licenceId!: string;
  @Column('text', { name: 'reader_key' }) readerKey!: string;
  @Column('text', { name: 'reader_id', nullable: true }) readerId!: string | null;
  /** Lowercase. */
  @Column('text') email!: string;
  @Column('text', { name: 'joined_by' }) joinedBy!: GroupJoinRoute;
  @Column('uuid', { name: 'invitation_id', nullable: true }) invitationId!: string | null;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}
