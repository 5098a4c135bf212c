import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Licensee } from './licensee.entity';

/** The only code that runs SQL for licensees. */
@Injectable()
export class LicenseeRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(
    tx: EntityManager,
    licensee: Omit<Licensee, 'id' | 'clientSecretHash' | 'clientSecretIssuedAt' | 'createdAt' | 'updatedAt'>,
  ): Promise<Licensee> {
    const repository = tx.getRepository(Licensee);
    return repository.save(repository.create({ ...licensee, clientSecretHash: null, clientSecretIssuedAt: null }));
  }

  findAllOfTenant(tenantId: string): Promise<Licensee[]> {
    return this.dataSource.getRepository(Licensee).find({ where: { tenantId }, order: { name: 'ASC' }, take: 1000 });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Licensee | null> {
    return this.dataSource.getRepository(Licensee).findOne({ where: { tenantId, id } });
  }

  /** The licensee, locked for a change in `tx`; null when the agency has none with this id. */
  findOneOfTenantForUpdate(tx: EntityManager, tenantId: string, id: string): Promise<Licensee | null> {
    return tx.getRepository(Licensee).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes the licensee's changed fields (and its client secret's hash), as the caller set them. */
  async save(tx: EntityManager, licensee: Licensee): Promise<Licensee> {
    return tx.getRepository(Licensee).save(licensee);
  }
}
