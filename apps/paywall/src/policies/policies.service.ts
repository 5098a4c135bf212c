import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, EventOutbox, NotFoundError } from '@libs/common';
import {
  PolicyRevisionPublished,
  PolicyRevisionSummary,
  PolicySetView,
  PolicyView,
  ReplacePoliciesRequest,
} from '@libs/contracts';
import { appendRevision } from '../revisions/append-revision';
import { SitesService } from '../sites/sites.service';
import { defaultPolicies } from './default-policies';
import { normalizePolicies } from './normalize-policies';
import { PolicyRevision } from './policy-revision.entity';
import { PolicyRevisionRepository } from './policy-revision.repository';

/**
 * An agency's ordered policies, one immutable revision per change. Every revision is announced
 * (PolicyRevisionPublished), so every paywall instance decides by it within a second, and audited
 * (except the defaults an agency starts with).
 */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revisions: PolicyRevisionRepository,
    private readonly sites: SitesService,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  async current(tenantId: string): Promise<PolicySetView> {
    const current = await this.revisions.current(tenantId);
    if (!current) throw new NotFoundError('policies');
    return toSetView(current);
  }

  async policy(tenantId: string, id: string): Promise<PolicyView> {
    const found = (await this.current(tenantId)).policies.find((policy) => policy.id === id);
    if (!found) throw new NotFoundError('policy', id);
    return found;
  }

  async revision(tenantId: string, revision: number): Promise<PolicySetView> {
    const found = await this.revisions.one(tenantId, revision);
    if (!found) throw new NotFoundError('policy revision', String(revision));
    return toSetView(found);
  }

  async list(tenantId: string): Promise<PolicyRevisionSummary[]> {
    return (await this.revisions.list(tenantId)).map(({ revision, policies, actor, restoredFrom, createdAt }) => ({
      revision,
      policyCount: policies.length,
      actor,
      restoredFrom,
      createdAt: createdAt.toISOString(),
    }));
  }

  async replace(tenantId: string, request: ReplacePoliciesRequest): Promise<PolicySetView> {
    const policies = normalizePolicies(request.policies, await this.sites.siteIdsOf(tenantId));
    return this.dataSource.transaction(async (tx) => {
      const saved = await this.append(tx, tenantId, policies, null, request.basedOnRevision);
      return toSetView(saved);
    });
  }

  /** Rollback: the old revision's policies become current again, as a new revision. */
  async restore(tenantId: string, revision: number): Promise<PolicySetView> {
    const old = await this.revisions.one(tenantId, revision);
    if (!old) throw new NotFoundError('policy revision', String(revision));
    return this.dataSource.transaction(async (tx) =>
      toSetView(await this.append(tx, tenantId, old.policies, revision)),
    );
  }

  /** The defaults, unless the agency was quicker and set policies of its own already. */
  async provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    await this.revisions.lock(tx, tenantId);
    if (await this.revisions.current(tenantId, tx)) return;
    await this.append(tx, tenantId, defaultPolicies(), null, undefined, false);
  }

  private append(
    tx: EntityManager,
    tenantId: string,
    policies: PolicyView[],
    restoredFrom: number | null,
    basedOn?: number,
    audited = true,
  ): Promise<PolicyRevision> {
    const parts = {
      revisions: this.revisions,
      outbox: this.outbox,
      audit: this.audit,
      changed: PolicyRevisionPublished,
    };
    return appendRevision(tx, parts, { tenantId, key: 'policies', items: policies, restoredFrom, basedOn, audited });
  }
}

function toSetView(revision: PolicyRevision): PolicySetView {
  return {
    revision: revision.revision,
    policies: revision.policies,
    actor: revision.actor,
    restoredFrom: revision.restoredFrom,
    createdAt: revision.createdAt.toISOString(),
  };
}
