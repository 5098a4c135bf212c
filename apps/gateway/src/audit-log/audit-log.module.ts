import { Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { ReportedChangesEventsController } from './reported-changes.events.controller';

/** The agency's audit log: written by every feature in its transactions, read at `/v1/audit-log`. */
@Module({
  controllers: [AuditLogController, ReportedChangesEventsController],
  providers: [AuditLogService, AuditEntryRepository],
  exports: [AuditLogService],
})
export class AuditLogModule {}
