import { Module } from '@nestjs/common';
import { UnappliedPaymentsService } from './unapplied-payments.service';

/** Payments on the rails that subscriptions asked for and leaves unapplied, told to finance. */
@Module({
  providers: [UnappliedPaymentsService],
  exports: [UnappliedPaymentsService],
})
export class UnappliedPaymentsModule {}
