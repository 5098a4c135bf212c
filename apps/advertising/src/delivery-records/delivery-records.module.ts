import { Module } from '@nestjs/common';
import { MakeGoodsModule } from '../make-goods/make-goods.module';
import { DeliveryRecordRepository } from './delivery-record.repository';
import { DeliveryRecordsRunner } from './delivery-records.runner';
import { DeliveryRecordsService } from './delivery-records.service';

/** Each settled agency-local day of each invoiced line, recorded once and told to finance (DeliveryRecorded). */
@Module({
  imports: [MakeGoodsModule],
  providers: [DeliveryRecordsService, DeliveryRecordRepository, DeliveryRecordsRunner],
})
export class DeliveryRecordsModule {}
