import { Module } from '@nestjs/common';
import { AccountRepository } from './account.repository';
import { AccountsRpcController } from './accounts.rpc.controller';
import { AccountsService } from './accounts.service';

/** The agency's chart of accounts. */
@Module({
  controllers: [AccountsRpcController],
  providers: [AccountsService, AccountRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
