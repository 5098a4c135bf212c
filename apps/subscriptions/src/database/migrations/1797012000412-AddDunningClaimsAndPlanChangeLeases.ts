import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDunningClaimsAndPlanChangeLeases1797012000412 implements MigrationInterface {
  name = 'AddDunningClaimsAndPlanChangeLeases1797012000412';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" ADD "claims" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."subscription_change_leases" ("tenant_id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "lease" uuid NOT NULL, "leased_until" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "subscription_change_leases_pkey" PRIMARY KEY ("tenant_id", "subscription_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscriptions"."subscription_change_leases"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" DROP COLUMN "claims"`);
  }
}
