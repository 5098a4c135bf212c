import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { ReaderPageRequestsService } from './reader-page-requests.service';
import { SiteKeyCachingInterceptor } from './site-key-caching.interceptor';
import { SiteRepository } from './site.repository';
import { SitesController } from './sites.controller';
import { SitesService } from './sites.service';

/** An agency's sites and their publishable keys, announced to the services that serve readers. */
@Module({
  imports: [AuditLogModule],
  controllers: [SitesController],
  providers: [
    SitesService,
    SiteRepository,
    ReaderPageRequestsService,
    { provide: APP_INTERCEPTOR, useClass: SiteKeyCachingInterceptor },
  ],
  exports: [SitesService, ReaderPageRequestsService],
})
export class SitesModule {}
