import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { ReaderPageRequestsService } from './reader-page-requests.service';
import { SiteRepository } from './site.repository';
import { SitesController } from './sites.controller';
import { SitesService } from './sites.service';

/** An agency's sites and their publishable keys, announced to the services that serve readers. */
@Module({
  imports: [AuditLogModule],
  controllers: [SitesController],
  providers: [SitesService, SiteRepository, ReaderPageRequestsService],
  exports: [SitesService, ReaderPageRequestsService],
})
export class SitesModule {}
