import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { PaymentsModule } from '../payments/payments.module';
import { AttemptStatusSchedule } from './attempt-status.schedule';

/** Asking the rails about attempts whose notification never came. */
@Module({
  imports: [RailAccountsModule, PaymentsModule],
  providers: [AttemptStatusSchedule],
})
export class AttemptStatusModule {}
