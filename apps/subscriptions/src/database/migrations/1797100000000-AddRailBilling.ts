import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRailBilling1797100000000 implements MigrationInterface {
  name = 'AddRailBilling1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "payment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD "billed_by" text NOT NULL DEFAULT 'provider'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" ADD CONSTRAINT "reader_subscriptions_billed_by" CHECK (billed_by IN ('provider', 'suite'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP CONSTRAINT "reader_subscriptions_billed_by"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_subscriptions" DROP COLUMN "billed_by"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "payment_id"`);
  }
}
