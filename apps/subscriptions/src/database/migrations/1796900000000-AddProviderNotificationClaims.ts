import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProviderNotificationClaims1796900000000 implements MigrationInterface {
  name = 'AddProviderNotificationClaims1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" ADD "claims" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" DROP COLUMN "claims"`);
  }
}
