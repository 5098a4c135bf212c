import { Module } from '@nestjs/common';
import { AdUnitServingPublisher } from './ad-unit-serving.publisher';
import { AdUnitServingRepository } from './ad-unit-serving.repository';
import { OrderServingPublisher } from './order-serving.publisher';
import { OrderServingRepository } from './order-serving.repository';

/**
 * What orders and units serve, published as events when they change and read whole for memory
 * at start.
 */
@Module({
  providers: [AdUnitServingPublisher, AdUnitServingRepository, OrderServingPublisher, OrderServingRepository],
  exports: [AdUnitServingPublisher, AdUnitServingRepository, OrderServingPublisher, OrderServingRepository],
})
export class ServingModule {}
