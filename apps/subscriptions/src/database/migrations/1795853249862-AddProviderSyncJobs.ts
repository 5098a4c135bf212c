import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProviderSyncJobs1795853249862 implements MigrationInterface {
  name = 'AddProviderSyncJobs1795853249862';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."provider_sync_jobs" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "trigger" text NOT NULL, "status" text NOT NULL, "phase" text NOT NULL, "subscriptions_processed" integer NOT NULL DEFAULT '0', "subscriptions_total" integer, "subscriptions_ignored" integer NOT NULL DEFAULT '0', "invoices_processed" integer NOT NULL DEFAULT '0', "invoices_total" integer, "resume_cursor" text, "invoices_since" TIMESTAMP WITH TIME ZONE NOT NULL, "claims" integer NOT NULL DEFAULT '0', "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "heartbeat_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "provider_sync_jobs_phase" CHECK ("phase" IN ('subscriptions', 'invoices')), CONSTRAINT "provider_sync_jobs_status" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "provider_sync_jobs_trigger" CHECK ("trigger" IN ('manual', 'scheduled')), CONSTRAINT "PK_6bfcf146c386b8c467f10a1b802" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "provider_sync_jobs_tenant_queued" ON "subscriptions"."provider_sync_jobs"  ("tenant_id", "queued_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "provider_sync_jobs_one_active" ON "subscriptions"."provider_sync_jobs"  ("tenant_id") WHERE "status" IN ('queued', 'running')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."provider_sync_jobs_one_active"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."provider_sync_jobs_tenant_queued"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."provider_sync_jobs"`);
  }
}
