import { Module } from '@nestjs/common';
import { PaymentRails } from '../rails/payment-rails';
import { RailAccountRepository } from './rail-account.repository';
import { RailAccountsRpcController } from './rail-accounts.rpc.controller';
import { RailAccountsService } from './rail-accounts.service';

/** Agencies' merchant accounts on the rails, and the rails' adapters. */
@Module({
  controllers: [RailAccountsRpcController],
  providers: [RailAccountsService, RailAccountRepository, PaymentRails],
  exports: [RailAccountsService, PaymentRails],
})
export class RailAccountsModule {}
