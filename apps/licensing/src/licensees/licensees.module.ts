import { Module } from '@nestjs/common';
import { LicenseeRepository } from './licensee.repository';
import { LicenseesRpcController } from './licensees.rpc.controller';
import { LicenseesService } from './licensees.service';

/** The organisations licensing the agency's content, with principals of their own. */
@Module({
  controllers: [LicenseesRpcController],
  providers: [LicenseesService, LicenseeRepository],
  exports: [LicenseesService],
})
export class LicenseesModule {}
