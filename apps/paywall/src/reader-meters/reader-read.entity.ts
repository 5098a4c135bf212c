import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A logged-in reader's metered read (once per article and local day). */
@Entity({ name: 'reader_reads' })
@Index('reader_reads_day', ['day'])
export class ReaderRead {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'reader_key' }) readerKey!: string;
  @PrimaryColumn('text') article!: string;
  @PrimaryColumn('integer') day!: number;
  @Column('text', { nullable: true }) section!: string | null;
}
