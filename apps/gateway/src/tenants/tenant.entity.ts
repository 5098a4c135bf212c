import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An agency: every other row of the suite belongs to one. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { unique: true }) slug!: string;
  @Column('text', { name: 'default_currency' }) defaultCurrency!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: 'vi' | 'en';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
