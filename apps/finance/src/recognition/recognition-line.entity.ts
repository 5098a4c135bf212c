import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { JournalEntry } from '../ledger/journal-entry.entity';
import { RecognitionSchedule } from './recognition-schedule.entity';

/**
 * One agency-local day of one schedule, recognized: at most one row per schedule and day, so a
 * day is never recognized twice whatever runs or redeliveries happen. Many lines point at one
 * journal entry (the run posts one entry per agency, currency and stream).
 */
@Entity({ name: 'recognition_lines' })
@Unique('recognition_lines_schedule_day', ['scheduleId', 'day'])
@Index('recognition_lines_entry', ['entryId'])
export class RecognitionLine {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'schedule_id' }) scheduleId!: string;
  @ManyToOne(() => RecognitionSchedule, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: RecognitionSchedule;
  @Column('date') day!: string;
  /** Minor units recognized that day; 0 when the split gives the day nothing. */
  @Column('bigint') amount!: string;
  /** The entry that posted it; null for a day that recognized nothing. */
  @Column('uuid', { name: 'entry_id', nullable: true }) entryId!: string | null;
  @ManyToOne(() => JournalEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: JournalEntry;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
