import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSuitePlanChangesAndCredit1797520000000 implements MigrationInterface {
  name = 'AddSuitePlanChangesAndCredit1797520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "proration" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "credit_applied" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "credit_balance" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD CONSTRAINT "reader_subscriptions_credit_balance" CHECK (credit_balance >= 0)`);
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_suite_period"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_suite_period" ON "subscriptions"."invoices"  ("tenant_id", "subscription_id", "period_start") WHERE provider_invoice_id LIKE 'suite:%' AND NOT proration AND status <> 'void'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_suite_period"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_suite_period" ON "subscriptions"."invoices"  ("tenant_id", "subscription_id", "period_start") WHERE provider_invoice_id LIKE 'suite:%'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP CONSTRAINT "reader_subscriptions_credit_balance"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "credit_balance"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "credit_applied"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "proration"`);
  }
}
