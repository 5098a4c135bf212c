import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An invitation of one email to a group licence; the token is kept only as a SHA-256 hash. */
@Entity({ name: 'group_licence_invitations' })
@Index('group_licence_invitations_token', ['tokenHash'], { unique: true })
@Index('group_licence_invitations_licence', ['tenantId', 'licenceId'])
export class GroupInvitation {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'licence_id' }) licenceId!: string;
  /** Lowercase; only this email may join with the token. */
  @Column('text') email!: string;
  @Column('bytea', { name: 'token_hash' }) tokenHash!: Buffer;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('uuid', { name: 'member_id', nullable: true }) memberId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
