import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { GrantSources } from '../entitlements/grant-sources';
import { AddressGrantsService } from './address-grants.service';
import { GroupInvitationRepository } from './group-invitation.repository';
import { GroupLicenceRepository } from './group-licence.repository';
import { GroupLicencesRpcController } from './group-licences.rpc.controller';
import { GroupLicencesService } from './group-licences.service';
import { GroupMembershipRepository } from './group-membership.repository';
import { GroupMembershipsRpcController } from './group-memberships.rpc.controller';
import { GroupMembershipsService } from './group-memberships.service';

/** Group licences, their members and invitations, and what they grant to addresses. */
@Module({
  imports: [CatalogModule, EntitlementsModule],
  controllers: [GroupLicencesRpcController, GroupMembershipsRpcController],
  providers: [
    GroupLicencesService,
    GroupMembershipsService,
    GroupLicenceRepository,
    GroupMembershipRepository,
    GroupInvitationRepository,
    AddressGrantsService,
  ],
})
export class GroupLicencesModule implements OnModuleInit {
  constructor(
    private readonly grantSources: GrantSources,
    private readonly memberships: GroupMembershipsService,
    private readonly addressGrants: AddressGrantsService,
  ) {}

  /** Members' seats and licences' IP ranges grant entitlements. */
  onModuleInit(): void {
    this.grantSources.register(this.memberships);
    this.grantSources.registerAddressGrants(this.addressGrants);
  }
}
