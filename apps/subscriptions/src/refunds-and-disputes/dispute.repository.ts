import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Dispute } from './dispute.entity';

/** The only code that reads and writes disputes. */
@Injectable()
export class DisputeRepository {
  /** The dispute, row-locked until the transaction ends (its notifications come in any order). */
  lockOfTenant(tx: EntityManager, tenantId: string, providerDisputeId: string): Promise<Dispute | null> {
    return tx.getRepository(Dispute).findOne({
      where: { tenantId, providerDisputeId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  save(tx: EntityManager, dispute: Omit<Dispute, 'updatedAt'>): Promise<Dispute> {
    const repo = tx.getRepository(Dispute);
    return repo.save(repo.create(dispute));
  }

  async updateStatus(
    tx: EntityManager,
    tenantId: string,
    providerDisputeId: string,
    status: Dispute['status'],
  ): Promise<void> {
    await tx.getRepository(Dispute).update({ tenantId, providerDisputeId }, { status });
  }
}
