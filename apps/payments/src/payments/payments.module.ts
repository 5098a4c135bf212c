import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { SavedTokensModule } from '../saved-tokens/saved-tokens.module';
import { AttemptSettlementsService } from './attempt-settlements.service';
import { PaymentRepository } from './payment.repository';
import { PaymentsRpcController } from './payments.rpc.controller';
import { PaymentsService } from './payments.service';
import { SavedTokenChargesService } from './saved-token-charges.service';

/** Payments, the payer's attempts on the rails, and their settlement by what a rail states. */
@Module({
  imports: [RailAccountsModule, SavedTokensModule],
  controllers: [PaymentsRpcController],
  providers: [PaymentsService, PaymentRepository, AttemptSettlementsService, SavedTokenChargesService],
  exports: [PaymentsService, PaymentRepository, AttemptSettlementsService, SavedTokensModule],
})
export class PaymentsModule {}
