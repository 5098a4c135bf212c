import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { SavedTokenRepository } from './saved-token.repository';
import { SavedTokensRpcController } from './saved-tokens.rpc.controller';
import { SavedTokensService } from './saved-tokens.service';

/** Payers' wallets saved on the rails, for charges without the payer. */
@Module({
  imports: [RailAccountsModule],
  controllers: [SavedTokensRpcController],
  providers: [SavedTokensService, SavedTokenRepository],
  exports: [SavedTokensService],
})
export class SavedTokensModule {}
