import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '@libs/common';

export class CreatePaymentsSchema1796678248873 implements MigrationInterface {
  name = 'CreatePaymentsSchema1796678248873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'payments');
    // Order codes for rails that key payments by number (payOS): unique per merchant, below 2^53.
    await queryRunner.query(`CREATE SEQUENCE "payments"."attempt_order_codes" START WITH 100000`);
    await queryRunner.query(`CREATE TABLE "payments"."rail_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "rail" text NOT NULL, "environment" text NOT NULL, "enabled" boolean NOT NULL, "merchant_id" text NOT NULL, "credentials_sealed" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b457d3183853016d6d484f1edc4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "rail_accounts_tenant_rail" ON "payments"."rail_accounts"  ("tenant_id", "rail") `);
    await queryRunner.query(`CREATE TABLE "payments"."rail_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "account_id" uuid NOT NULL, "rail" text NOT NULL, "dedupe_key" text NOT NULL, "order_reference" text NOT NULL, "method" text NOT NULL, "query" text NOT NULL, "body" bytea NOT NULL, "verdict" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_704a977183699893021511202ca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "rail_notifications_account_key" ON "payments"."rail_notifications"  ("account_id", "dedupe_key") `);
    await queryRunner.query(`CREATE TABLE "payments"."payment_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "account_id" uuid NOT NULL, "rail" text NOT NULL, "order_reference" text NOT NULL, "order_code" bigint NOT NULL, "status" text NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, "redirect_url" text, "qr_code" text, "provider_reference" text, "provider_transaction_id" text, "failure" text, "client_ip" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "settled_at" TIMESTAMP WITH TIME ZONE, "next_query_at" TIMESTAMP WITH TIME ZONE, "queries" integer NOT NULL DEFAULT '0', "paid_twice" boolean NOT NULL DEFAULT false, CONSTRAINT "payment_attempts_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_a0d8a67c07a0fef98dfd20214e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "payment_attempts_due_for_query" ON "payments"."payment_attempts"  ("next_query_at") WHERE "status" = 'started'`);
    await queryRunner.query(`CREATE INDEX "payment_attempts_payment" ON "payments"."payment_attempts"  ("payment_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "payment_attempts_account_order" ON "payments"."payment_attempts"  ("account_id", "order_reference") `);
    await queryRunner.query(`CREATE TABLE "payments"."payment_refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "attempt_id" uuid NOT NULL, "refund_reference" text NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, "status" text NOT NULL, "provider_refund_id" text, "reason" text NOT NULL, "requested_by" text NOT NULL, "failure" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "settled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "payment_refunds_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_c33fe9426d69e3d60080c7d2f06" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "payment_refunds_payment" ON "payments"."payment_refunds"  ("payment_id") `);
    await queryRunner.query(`CREATE TABLE "payments"."payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, "status" text NOT NULL, "purpose_stream" text NOT NULL, "purpose_reference" text NOT NULL, "description" text NOT NULL, "buyer" jsonb, "lines" jsonb NOT NULL, "rails" text array NOT NULL, "return_url" text NOT NULL, "refunded_amount" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "succeeded_at" TIMESTAMP WITH TIME ZONE, "succeeded_attempt_id" uuid, CONSTRAINT "payments_refunded_within_amount" CHECK ("refunded_amount" >= 0 AND "refunded_amount" <= "amount"), CONSTRAINT "payments_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "payments_tenant_purpose" ON "payments"."payments"  ("tenant_id", "purpose_stream", "purpose_reference") `);
    await queryRunner.query(`CREATE TABLE "payments"."tenants" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "default_currency" text NOT NULL, "provisioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc5fb666b382723700bb4c1e76" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payments"."tenants"`);
    await queryRunner.query(`DROP INDEX "payments"."payments_tenant_purpose"`);
    await queryRunner.query(`DROP TABLE "payments"."payments"`);
    await queryRunner.query(`DROP INDEX "payments"."payment_refunds_payment"`);
    await queryRunner.query(`DROP TABLE "payments"."payment_refunds"`);
    await queryRunner.query(`DROP INDEX "payments"."payment_attempts_account_order"`);
    await queryRunner.query(`DROP INDEX "payments"."payment_attempts_payment"`);
    await queryRunner.query(`DROP INDEX "payments"."payment_attempts_due_for_query"`);
    await queryRunner.query(`DROP TABLE "payments"."payment_attempts"`);
    await queryRunner.query(`DROP INDEX "payments"."rail_notifications_account_key"`);
    await queryRunner.query(`DROP TABLE "payments"."rail_notifications"`);
    await queryRunner.query(`DROP INDEX "payments"."rail_accounts_tenant_rail"`);
    await queryRunner.query(`DROP TABLE "payments"."rail_accounts"`);
    await queryRunner.query(`DROP SEQUENCE "payments"."attempt_order_codes"`);
    await dropMessagingTablesV1(queryRunner, 'payments');
  }
}
