import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPendingPlanChange1795853428758 implements MigrationInterface {
  name = 'AddPendingPlanChange1795853428758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "pending_plan_id" uuid`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "pending_price_id" uuid`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "pending_effective_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "pending_provider_schedule_id" text`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD CONSTRAINT "reader_subscriptions_pending_change_whole" CHECK ((pending_plan_id IS NULL) = (pending_price_id IS NULL) AND (pending_plan_id IS NULL) = (pending_effective_at IS NULL) AND (pending_plan_id IS NULL) = (pending_provider_schedule_id IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP CONSTRAINT "reader_subscriptions_pending_change_whole"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "pending_provider_schedule_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "pending_effective_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "pending_price_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "pending_plan_id"`);
  }
}
