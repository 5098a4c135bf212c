import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRefundsAndDisputes1795847060111 implements MigrationInterface {
  name = 'AddRefundsAndDisputes1795847060111';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."disputes" ("tenant_id" uuid NOT NULL, "provider_dispute_id" text NOT NULL, "provider_charge_id" text NOT NULL, "subscription_id" uuid, "currency" text NOT NULL, "amount" bigint NOT NULL, "status" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8d1a1739ead53c6a28143355b5" PRIMARY KEY ("tenant_id", "provider_dispute_id"))`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."refunds" ("tenant_id" uuid NOT NULL, "provider_refund_id" text NOT NULL, "provider_charge_id" text NOT NULL, "subscription_id" uuid, "currency" text NOT NULL, "amount" bigint NOT NULL, "refunded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7f280027521637817eef80707f" PRIMARY KEY ("tenant_id", "provider_refund_id"))`);
    await queryRunner.query(`CREATE INDEX "invoices_charge" ON "subscriptions"."invoices"  ("tenant_id", "provider_charge_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."invoices_charge"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."refunds"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."disputes"`);
  }
}
