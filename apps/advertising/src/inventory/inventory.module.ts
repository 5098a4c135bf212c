import { Module } from '@nestjs/common';
import { InventoryDayRepository } from './inventory-day.repository';

/** Impressions per unit and day: capacity, sold, held; moved only by conditional updates PostgreSQL checks. */
@Module({ providers: [InventoryDayRepository], exports: [InventoryDayRepository] })
export class InventoryModule {}
