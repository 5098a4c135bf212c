import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, ForbiddenError, NotFoundError, ValidationFailedError } from '@libs/common';
import { CreateLicenseeRequest, LicenseeChanges, LicenseeClientSecret, LicenseeView } from '@libs/contracts';
import { newClientId, newClientSecret } from './licensee-client-secret';
import type { Licensee } from './licensee.entity';
import { toView } from './licensee.mapper';
import { LicenseeRepository } from './licensee.repository';
import { licenseeScopeOf } from './licensee-scope';
import { taxCodeProblem } from './tax-code-problem';

/** The organisations licensing the agency's content, each audited as it is created and changed. */
@Injectable()
export class LicenseesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly licensees: LicenseeRepository,
    private readonly audit: AuditTrail,
  ) {}

  create(tenantId: string, request: CreateLicenseeRequest): Promise<LicenseeView> {
    refuseTaxCodeOf(request.country, request.taxCode ?? null);
    return this.dataSource.transaction(async (tx) => {
      const licensee = await this.licensees.add(tx, {
        tenantId,
        name: request.name,
        kind: request.kind,
        country: request.country,
        taxCode: request.taxCode ?? null,
        contactName: request.contact.name,
        contactEmail: request.contact.email,
        contactPhone: request.contact.phone ?? null,
        clientId: newClientId(),
      });
      const view = toView(licensee);
      await this.record(tx, tenantId, 'licensee.created', licensee.id, null, view);
      return view;
    });
  }

  async list(tenantId: string): Promise<LicenseeView[]> {
    return (await this.licensees.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<LicenseeView> {
    const licensee = await this.licensees.findOneOfTenant(tenantId, id);
    if (!licensee) throw new NotFoundError('licensee', id);
    return toView(licensee);
  }

  /** The licensee a licensee's own key acts for. */
  getOwn(caller: Caller): Promise<LicenseeView> {
    const own = licenseeScopeOf(caller);
    if (own === null) throw new ForbiddenError('only a licensee has a licensee of its own');
    return this.get(caller.tenantId, own);
  }

  update(tenantId: string, id: string, changes: LicenseeChanges): Promise<LicenseeView> {
    return this.dataSource.transaction(async (tx) => {
      const licensee = await this.lockedOf(tx, tenantId, id);
      const before = toView(licensee);
      if (changes.name !== undefined) licensee.name = changes.name;
      if (changes.kind !== undefined) licensee.kind = changes.kind;
      if (changes.country !== undefined) licensee.country = changes.country;
      if (changes.taxCode !== undefined) licensee.taxCode = changes.taxCode;
      if (changes.contact !== undefined) {
        licensee.contactName = changes.contact.name;
        licensee.contactEmail = changes.contact.email;
        licensee.contactPhone = changes.contact.phone ?? null;
      }
      refuseTaxCodeOf(licensee.country, licensee.taxCode);
      const view = toView(await this.licensees.save(tx, licensee));
      if (JSON.stringify(view) !== JSON.stringify(before))
        await this.record(tx, tenantId, 'licensee.changed', id, before, view);
      return view;
    });
  }

  /** A new client secret, shown this once; the one before stops matching in the same commit. */
  issueClientSecret(tenantId: string, id: string): Promise<LicenseeClientSecret> {
    return this.dataSource.transaction(async (tx) => {
      const licensee = await this.lockedOf(tx, tenantId, id);
      const before = toView(licensee);
      const { secret, hash } = newClientSecret();
      licensee.clientSecretHash = hash;
      const issuedAt = new Date();
      licensee.clientSecretIssuedAt = issuedAt;
      const saved = await this.licensees.save(tx, licensee);
      await this.record(tx, tenantId, 'licensee.client-secret-issued', id, before, toView(saved));
      return { clientId: saved.clientId, clientSecret: secret, issuedAt: issuedAt.toISOString() };
    });
  }

  private async lockedOf(tx: EntityManager, tenantId: string, id: string): Promise<Licensee> {
    const licensee = await this.licensees.findOneOfTenantForUpdate(tx, tenantId, id);
    if (!licensee) throw new NotFoundError('licensee', id);
    return licensee;
  }

  private record(
    tx: EntityManager,
    tenantId: string,
    action: string,
    id: string,
    before: LicenseeView | null,
    after: LicenseeView,
  ): Promise<void> {
    return this.audit.record(tx, { tenantId, action, targetType: 'licensee', targetId: id, before, after });
  }
}

function refuseTaxCodeOf(country: string, taxCode: string | null): void {
  const problem = taxCodeProblem(country, taxCode);
  if (problem) throw new ValidationFailedError([{ field: 'taxCode', message: problem }]);
}
