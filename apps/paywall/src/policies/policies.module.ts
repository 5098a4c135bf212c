import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { PoliciesRpcController } from './policies.rpc.controller';
import { PoliciesService } from './policies.service';
import { PolicyRevisionRepository } from './policy-revision.repository';

@Module({
  imports: [SitesModule],
  controllers: [PoliciesRpcController],
  providers: [PolicyRevisionRepository, PoliciesService],
  exports: [PolicyRevisionRepository, PoliciesService],
})
export class PoliciesModule {}
