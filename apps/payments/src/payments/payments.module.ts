import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { AttemptSettlementsService } from './attempt-settlements.service';
import { PaymentRepository } from './payment.repository';
import { PaymentsRpcController } from './payments.rpc.controller';
import { PaymentsService } from './payments.service';

/** Payments, the payer's attempts on the rails, and their settlement by what a rail states. */
@Module({
  imports: [RailAccountsModule],
  controllers: [PaymentsRpcController],
  providers: [PaymentsService, PaymentRepository, AttemptSettlementsService],
  exports: [PaymentsService, PaymentRepository, AttemptSettlementsService],
})
export class PaymentsModule {}
