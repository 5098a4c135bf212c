import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordStripeBillingAgencies1797420000000 implements MigrationInterface {
  name = 'RecordStripeBillingAgencies1797420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."stripe_billing_agencies" ("tenant_id" uuid NOT NULL, "mode" text NOT NULL, "key_last4" text NOT NULL, "configured_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7f2ef16a1962874298d2feeadac" PRIMARY KEY ("tenant_id"))`);
    // The agencies billing on Stripe so far: their accounts are handed over to payments at start.
    await queryRunner.query(
      `INSERT INTO "subscriptions"."stripe_billing_agencies" (tenant_id, mode, key_last4, configured_at)
       SELECT tenant_id, mode, key_last4, updated_at FROM "subscriptions"."stripe_accounts"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscriptions"."stripe_billing_agencies"`);
  }
}
