import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { ConversionRepository } from './conversion.repository';
import { ConversionsEventsController } from './conversions.events.controller';
import { ConversionsRpcController } from './conversions.rpc.controller';
import { ConversionsService } from './conversions.service';
import { SubscriptionPaymentRepository } from './subscription-payment.repository';

@Module({
  imports: [ExperimentsModule],
  controllers: [ConversionsEventsController, ConversionsRpcController],
  providers: [ConversionRepository, SubscriptionPaymentRepository, ConversionsService],
})
export class ConversionsModule {}
