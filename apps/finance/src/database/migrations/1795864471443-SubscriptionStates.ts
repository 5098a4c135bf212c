import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscriptionStates1795864471443 implements MigrationInterface {
  name = 'SubscriptionStates1795864471443';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "finance"."subscription_states" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "plan_id" uuid NOT NULL, "currency" character(3), "unit_amount" bigint, "interval_months" integer, CONSTRAINT "PK_f70c9082f0887550f9f382d3b06" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_71f38bad48eb769e5002d9f81a" ON "finance"."subscription_states"  ("tenant_id", "subscription_id", "effective_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "finance"."IDX_71f38bad48eb769e5002d9f81a"`);
    await queryRunner.query(`DROP TABLE "finance"."subscription_states"`);
  }
}
