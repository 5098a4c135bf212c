import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Experiment } from './experiment.entity';

/** The only code that reads and writes experiments. */
@Injectable()
export class ExperimentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The agency's 500 newest experiments, newest first. */
  findRecentOfTenant(tenantId: string): Promise<Experiment[]> {
    return this.dataSource
      .getRepository(Experiment)
      .find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: 500 });
  }

  findOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<Experiment | null> {
    return tx.getRepository(Experiment).findOne({ where: { tenantId, id } });
  }

  /** The experiment, locked until the transaction ends (its changes are serialised). */
  findOfTenantForUpdate(tx: EntityManager, tenantId: string, id: string): Promise<Experiment | null> {
    return tx.getRepository(Experiment).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every running experiment of every agency, for a paywall instance's memory at start. */
  findRunning(): Promise<Experiment[]> {
    return this.dataSource.getRepository(Experiment).find({ where: { status: 'running' } });
  }

  insert(tx: EntityManager, experiment: Omit<Experiment, 'createdAt'>): Promise<Experiment> {
    const repository = tx.getRepository(Experiment);
    return repository.save(repository.create(experiment));
  }

  /** Writes the changes made to an experiment read in `tx`. */
  save(tx: EntityManager, experiment: Experiment): Promise<Experiment> {
    return tx.getRepository(Experiment).save(experiment);
  }
}
