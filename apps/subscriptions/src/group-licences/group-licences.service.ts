import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, ConflictError, NotFoundError } from '@libs/common';
import {
  CreateGroupLicenceRequest,
  GroupLicenceListResponse,
  GroupLicenceUsageView,
  GroupLicenceView,
  LIST_PAGE_DEFAULT,
  ListGroupLicencesRequest,
  UpdateGroupLicenceRequest,
} from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { AddressGrantsService } from './address-grants.service';
import { GroupLicence } from './group-licence.entity';
import { GroupLicenceRepository } from './group-licence.repository';
import { GroupMembershipRepository } from './group-membership.repository';
import { toMembershipView } from './group-membership.mapper';

/**
 * Corporate and campus licences: an organisation buys seats of a plan's product for a term.
 * Members take seats (see GroupMembershipsService); IP ranges entitle without seats.
 */
@Injectable()
export class GroupLicencesService {
  constructor(
    private readonly licences: GroupLicenceRepository,
    private readonly memberships: GroupMembershipRepository,
    private readonly catalog: CatalogRepository,
    private readonly entitlements: EntitlementsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly addressGrants: AddressGrantsService,
  ) {}

  async create(tenantId: string, request: CreateGroupLicenceRequest): Promise<GroupLicenceView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, request.planId);
    if (!plan?.active) throw new NotFoundError('plan', request.planId);
    const now = new Date();
    const licence: GroupLicence = {
      id: randomUUID(),
      tenantId,
      name: request.name,
      planId: plan.id,
      productId: plan.productId,
      seats: request.seats,
      seatsUsed: 0,
      emailDomains: distinctLowercase(request.emailDomains),
      ipRanges: distinctLowercase(request.ipRanges),
      validUntil: new Date(request.validUntil),
      addressGrantsVersion: 0,
      addressGrantsEndedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const view = toLicenceView(licence);
    await this.dataSource.transaction(async (tx) => {
      await this.licences.insert(tx, licence);
      await this.addressGrants.publish(tx, licence, now);
      await this.audit.record(tx, {
        tenantId,
        action: 'group-licence.created',
        targetType: 'group-licence',
        targetId: licence.id,
        after: view,
      });
    });
    return view;
  }

  async list(tenantId: string, request: ListGroupLicencesRequest): Promise<GroupLicenceListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const rows = await this.licences.findPageOfTenant(tenantId, limit, request.before);
    return { items: rows.map(toLicenceView), nextBefore: rows.length === limit ? rows[rows.length - 1].id : null };
  }

  async get(tenantId: string, id: string): Promise<GroupLicenceView> {
    const licence = await this.licences.findOneOfTenant(tenantId, id);
    if (!licence) throw new NotFoundError('group licence', id);
    return toLicenceView(licence);
  }

  /**
   * Changes a licence with its row locked, so no join slips between the seat check and the
   * change. A new end date changes every member's grants: each is republished, in one order.
   */
  async update(tenantId: string, request: UpdateGroupLicenceRequest): Promise<GroupLicenceView> {
    return this.dataSource.transaction(async (tx) => {
      const licence = await this.licences.lockOfTenant(tx, tenantId, request.id);
      if (!licence) throw new NotFoundError('group licence', request.id);
      const before = toLicenceView(licence);
      if (request.seats !== undefined && request.seats < licence.seatsUsed) {
        throw new ConflictError(
          `${licence.seatsUsed} seats are taken; remove members before going down to ${request.seats}`,
        );
      }
      const validUntil = request.validUntil === undefined ? licence.validUntil : new Date(request.validUntil);
      const endMoved = validUntil.getTime() !== licence.validUntil.getTime();
      const rangesChanged =
        request.ipRanges !== undefined && distinctLowercase(request.ipRanges).join() !== licence.ipRanges.join();
      Object.assign(licence, {
        name: request.name ?? licence.name,
        seats: request.seats ?? licence.seats,
        emailDomains:
          request.emailDomains === undefined ? licence.emailDomains : distinctLowercase(request.emailDomains),
        ipRanges: request.ipRanges === undefined ? licence.ipRanges : distinctLowercase(request.ipRanges),
        validUntil,
      });
      await this.licences.save(tx, licence);
      const now = new Date();
      if (endMoved || rangesChanged) await this.addressGrants.publish(tx, licence, now);
      if (endMoved) {
        for (const readerKey of await this.memberships.readerKeysOf(tx, tenantId, licence.id))
          await this.entitlements.refresh(tx, tenantId, readerKey, now);
      }
      const after = toLicenceView(licence);
      await this.audit.record(tx, {
        tenantId,
        action: 'group-licence.updated',
        targetType: 'group-licence',
        targetId: licence.id,
        before,
        after,
      });
      return after;
    });
  }

  async usage(tenantId: string, id: string): Promise<GroupLicenceUsageView> {
    const licence = await this.licences.findOneOfTenant(tenantId, id);
    if (!licence) throw new NotFoundError('group licence', id);
    const members = await this.memberships.membersOf(tenantId, id);
    return {
      licenceId: id,
      seats: licence.seats,
      used: licence.seatsUsed,
      validUntil: licence.validUntil.toISOString(),
      members: members.map(toMembershipView),
    };
  }
}

function distinctLowercase(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.toLowerCase()))];
}

function toLicenceView(licence: GroupLicence): GroupLicenceView {
  return {
    id: licence.id,
    name: licence.name,
    planId: licence.planId,
    productId: licence.productId,
    seats: licence.seats,
    used: licence.seatsUsed,
    emailDomains: licence.emailDomains,
    ipRanges: licence.ipRanges,
    validUntil: licence.validUntil.toISOString(),
    createdAt: licence.createdAt.toISOString(),
  };
}
