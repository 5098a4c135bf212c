import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDunningClaimsAndPlanChangeLeases1797012000412 implements MigrationInterface {
  name = 'AddDunningClaimsAndPlanChangeLeases1797012000412';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" ADD "claims" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "change_lease" uuid`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "change_leased_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "change_leased_until"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "change_lease"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" DROP COLUMN "claims"`);
  }
}
