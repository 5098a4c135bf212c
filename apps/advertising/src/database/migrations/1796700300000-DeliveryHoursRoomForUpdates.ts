import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every batch of beacons adds to its hourly counters: leaving room in each page lets PostgreSQL
 * update a counter in place (a HOT update, no new index entries) instead of writing its row anew
 * elsewhere with an entry in each index.
 */
export class DeliveryHoursRoomForUpdates1796700300000 implements MigrationInterface {
  name = 'DeliveryHoursRoomForUpdates1796700300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."delivery_hours" SET (fillfactor = 70)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."delivery_hours" RESET (fillfactor)`);
  }
}
