import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CalendarModule } from '../calendar/calendar.module';
import { AgencyBooksLock } from './agency-books-lock';
import { AgencyBooksLockRepository } from './agency-books-lock.repository';
import { BalancesAtCommit } from './balances-at-commit';
import { JournalEntriesRpcController } from './journal-entries.rpc.controller';
import { LedgerReportsService } from './ledger-reports.service';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** The books: journal entries and their postings, account balances, and the agency's books lock every posting fact takes. */
@Module({
  imports: [AccountsModule, CalendarModule],
  controllers: [JournalEntriesRpcController],
  providers: [
    LedgerService,
    LedgerReportsService,
    LedgerRepository,
    BalancesAtCommit,
    AgencyBooksLock,
    AgencyBooksLockRepository,
  ],
  exports: [LedgerService, LedgerRepository, AgencyBooksLock],
})
export class LedgerModule {}
