import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { PaymentRefundsService } from '../refunds/payment-refunds.service';
import { AttemptStatusSchedule } from '../status-queries/attempt-status.schedule';
import { AttemptSettlementsService } from './attempt-settlements.service';
import { PaymentRepository } from './payment.repository';
import { PaymentsRpcController } from './payments.rpc.controller';
import { PaymentsService } from './payments.service';

/** Payments, the payer's attempts on the rails, their settlement (notified or asked for) and refunds. */
@Module({
  imports: [RailAccountsModule],
  controllers: [PaymentsRpcController],
  providers: [
    PaymentsService,
    PaymentRepository,
    AttemptSettlementsService,
    PaymentRefundsService,
    AttemptStatusSchedule,
  ],
  exports: [AttemptSettlementsService],
})
export class PaymentsModule {}
