import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AccountingPeriodRepository } from './accounting-periods/accounting-period.repository';
import { AccountingPeriodsRpcController } from './accounting-periods/accounting-periods.rpc.controller';
import { AccountingPeriodsService } from './accounting-periods/accounting-periods.service';
import { AccountRepository } from './accounts/account.repository';
import { AccountsRpcController } from './accounts/accounts.rpc.controller';
import { AccountsService } from './accounts/accounts.service';
import { financeSchema } from './database/finance.schema';
import { InvoicesEventsController } from './invoices/invoices.events.controller';
import { JournalEntriesRpcController } from './ledger/journal-entries.rpc.controller';
import { LedgerReportsService } from './ledger/ledger-reports.service';
import { LedgerRepository } from './ledger/ledger.repository';
import { LedgerService } from './ledger/ledger.service';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class FinanceAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...financeSchema })],
      controllers: [AccountsRpcController, JournalEntriesRpcController, TenantsEventsController, InvoicesEventsController, AccountingPeriodsRpcController],
      providers: [
        AccountsService, AccountRepository, LedgerService, LedgerReportsService, LedgerRepository, AccountingPeriodsService, AccountingPeriodRepository,
      ],
    };
  }
}
