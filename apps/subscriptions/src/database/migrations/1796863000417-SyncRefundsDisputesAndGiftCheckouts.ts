import { MigrationInterface, QueryRunner } from 'typeorm';

export class SyncRefundsDisputesAndGiftCheckouts1796863000417 implements MigrationInterface {
  name = 'SyncRefundsDisputesAndGiftCheckouts1796863000417';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_sync_jobs" DROP CONSTRAINT "provider_sync_jobs_phase"`);
    await queryRunner.query(
      `ALTER TABLE "subscriptions"."provider_sync_jobs" ADD CONSTRAINT "provider_sync_jobs_phase" CHECK ("phase" IN ('subscriptions', 'invoices', 'refunds', 'disputes', 'gift-checkouts'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "subscriptions"."provider_sync_jobs" ADD "payments_processed" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_sync_jobs" ADD "payments_total" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_sync_jobs" DROP COLUMN "payments_total"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_sync_jobs" DROP COLUMN "payments_processed"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_sync_jobs" DROP CONSTRAINT "provider_sync_jobs_phase"`);
    await queryRunner.query(
      `ALTER TABLE "subscriptions"."provider_sync_jobs" ADD CONSTRAINT "provider_sync_jobs_phase" CHECK ("phase" IN ('subscriptions', 'invoices'))`,
    );
  }
}
