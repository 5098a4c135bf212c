import { Module } from '@nestjs/common';
import { OrderServingPublisher } from './order-serving.publisher';
import { OrderServingRepository } from './order-serving.repository';

/** What orders serve, published as events when they change and read whole for memory at start. */
@Module({
  providers: [OrderServingPublisher, OrderServingRepository],
  exports: [OrderServingPublisher, OrderServingRepository],
})
export class ServingModule {}
