import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  ExperimentAllocation,
  ExperimentArmView,
  ExperimentObjective,
  ExperimentStatus,
  ExperimentTarget,
} from '@libs/contracts';

/** A paywall experiment: arms that vary one metered policy's limit or the offer shown. */
@Entity({ name: 'experiments' })
@Index('experiments_tenant', ['tenantId', 'createdAt'])
export class Experiment {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text') status!: ExperimentStatus;
  @Column('text') target!: ExperimentTarget;
  @Column('uuid', { name: 'policy_id', nullable: true }) policyId!: string | null;
  @Column('jsonb') arms!: ExperimentArmView[];
  @Column('text') allocation!: ExperimentAllocation;
  @Column('text') objective!: ExperimentObjective;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'stopped_at', nullable: true }) stoppedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
