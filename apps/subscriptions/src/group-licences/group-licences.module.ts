import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { GroupInvitationRepository } from './group-invitation.repository';
import { GroupLicenceRepository } from './group-licence.repository';
import { GroupLicencesRpcController } from './group-licences.rpc.controller';
import { GroupLicencesService } from './group-licences.service';
import { GroupMembershipRepository } from './group-membership.repository';
import { GroupMembershipsRpcController } from './group-memberships.rpc.controller';
import { GroupMembershipsService } from './group-memberships.service';

/** Group licences, their members and invitations. */
@Module({
  imports: [CatalogModule, EntitlementsModule],
  controllers: [GroupLicencesRpcController, GroupMembershipsRpcController],
  providers: [
    GroupLicencesService,
    GroupMembershipsService,
    GroupLicenceRepository,
    GroupMembershipRepository,
    GroupInvitationRepository,
  ],
})
export class GroupLicencesModule {}
