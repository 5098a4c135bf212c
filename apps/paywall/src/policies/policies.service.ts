import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { PolicyView } from '@libs/contracts';
import { defaultPoliciesFor } from './default-policies';
import { Policy } from './policy.entity';
import { PolicyRepository } from './policy.repository';

@Injectable()
export class PoliciesService {
  constructor(private readonly policies: PolicyRepository) {}

  async list(tenantId: string): Promise<PolicyView[]> {
    return (await this.policies.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<PolicyView> {
    const policy = await this.policies.findOneOfTenant(tenantId, id);
    if (!policy) throw new NotFoundError('policy', id);
    return toView(policy);
  }

  provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    return this.policies.insertAll(tx, defaultPoliciesFor(tenantId));
  }
}

function toView(policy: Policy): PolicyView {
  const { id, name, kind, siteId, meterLimit, priority, active } = policy;
  return { id, name, kind, siteId, meterLimit, priority, active };
}
