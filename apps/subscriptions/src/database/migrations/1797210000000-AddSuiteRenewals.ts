import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSuiteRenewals1797210000000 implements MigrationInterface {
  name = 'AddSuiteRenewals1797210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."billing_settings" ADD "renewal_notice_days" integer NOT NULL DEFAULT '3'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" ADD "billed_by" text NOT NULL DEFAULT 'provider'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" ADD "late_payment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "pay_page_url" text`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "return_url" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_suite_period" ON "subscriptions"."invoices"  ("tenant_id", "subscription_id", "period_start") WHERE provider_invoice_id LIKE 'suite:%'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_suite_period"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "return_url"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "pay_page_url"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" DROP COLUMN "late_payment_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."dunning_cases" DROP COLUMN "billed_by"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."billing_settings" DROP COLUMN "renewal_notice_days"`);
  }
}
