import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddGiftPurchaserSecret1796762000123 implements MigrationInterface {
  name = 'AddGiftPurchaserSecret1796762000123';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" ADD "purchaser_secret_hash" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" DROP COLUMN "purchaser_secret_hash"`);
  }
}
