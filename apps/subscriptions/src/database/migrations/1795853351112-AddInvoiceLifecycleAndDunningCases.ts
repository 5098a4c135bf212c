import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddInvoiceLifecycleAndDunningCases1795853351112 implements MigrationInterface {
  name = 'AddInvoiceLifecycleAndDunningCases1795853351112';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."dunning_cases" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "provider_invoice_id" text NOT NULL, "subscription_id" uuid NOT NULL, "reader_key" text NOT NULL, "status" text NOT NULL, "currency" text NOT NULL, "amount_due" bigint NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retry_days" integer array NOT NULL, "attempts_made" integer NOT NULL, "next_retry_at" TIMESTAMP WITH TIME ZONE, "last_failure" text, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_reason" text, "final_action" text, CONSTRAINT "PK_a398438b5349ddc0026165e1c65" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "dunning_cases_subscription" ON "subscriptions"."dunning_cases"  ("tenant_id", "subscription_id") `);
    await queryRunner.query(`CREATE INDEX "dunning_cases_newest" ON "subscriptions"."dunning_cases"  ("tenant_id", "status", "opened_at", "id") `);
    await queryRunner.query(`CREATE INDEX "dunning_cases_due" ON "subscriptions"."dunning_cases"  ("next_retry_at") WHERE status = 'open'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dunning_cases_invoice" ON "subscriptions"."dunning_cases"  ("tenant_id", "provider_invoice_id") `);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    // Invoices recorded before this migration were all paid ones: they say so, and owed what they were paid.
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "status" text NOT NULL DEFAULT 'paid'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "amount_due" bigint`);
    await queryRunner.query(`UPDATE "subscriptions"."invoices" SET "amount_due" = "amount_paid"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ALTER COLUMN "amount_due" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "provider_balance_transaction_id" text`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "due_date" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "finalized_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "voided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "marked_uncollectible_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ALTER COLUMN "paid_at" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "invoices_subscription" ON "subscriptions"."invoices"  ("tenant_id", "subscription_id") `);
    await queryRunner.query(`CREATE INDEX "invoices_newest" ON "subscriptions"."invoices"  ("tenant_id", "recorded_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_id" ON "subscriptions"."invoices"  ("id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_id"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_newest"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_subscription"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ALTER COLUMN "paid_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "marked_uncollectible_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "voided_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "finalized_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "due_date"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "provider_balance_transaction_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "amount_due"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "id"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."dunning_cases_invoice"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."dunning_cases_due"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."dunning_cases_newest"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."dunning_cases_subscription"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."dunning_cases"`);
  }
}
