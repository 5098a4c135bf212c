import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { AccountingPeriodRepository } from './accounting-period.repository';
import { AccountingPeriodsRpcController } from './accounting-periods.rpc.controller';
import { AccountingPeriodsService } from './accounting-periods.service';

/** Month close: closing and reopening months, and the checklist before a close. */
@Module({
  imports: [LedgerModule],
  controllers: [AccountingPeriodsRpcController],
  providers: [AccountingPeriodsService, AccountingPeriodRepository],
})
export class AccountingPeriodsModule {}
