import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written as the generator writes it, then the backfill: advertisers and orders that existed before
 * payment terms were billed at approval and served on the clock, as on invoice terms; they keep
 * that (net 30). Advertisers made from now on start on prepay.
 */
export class PaymentTermsAndInvoices1796703000000 implements MigrationInterface {
  name = 'PaymentTermsAndInvoices1796703000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advertising"."invoice_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "channel" text NOT NULL, "source_id" text NOT NULL, "rail" text, "amount" bigint NOT NULL, "currency" text NOT NULL, "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL, "shares" jsonb NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoice_payments_source" UNIQUE ("tenant_id", "channel", "source_id"), CONSTRAINT "PK_e19c9ebfa432289f510de7b4e99" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invoice_payments_invoice" ON "advertising"."invoice_payments"  ("invoice_id") `);
    await queryRunner.query(`CREATE TABLE "advertising"."invoice_refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "amount" bigint NOT NULL, "status" text NOT NULL, "reason" text NOT NULL, "failure" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_70b5e087580392d7cd530a7951b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invoice_refunds_due" ON "advertising"."invoice_refunds"  ("status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "invoice_refunds_invoice" ON "advertising"."invoice_refunds"  ("invoice_id") `);
    await queryRunner.query(`CREATE TABLE "advertising"."invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "order_id" uuid NOT NULL, "advertiser_id" uuid NOT NULL, "payment_terms" text NOT NULL, "net_days" integer, "currency" text NOT NULL, "taxable" bigint NOT NULL, "vat" bigint NOT NULL, "total" bigint NOT NULL, "credited" bigint NOT NULL DEFAULT '0', "paid" bigint NOT NULL DEFAULT '0', "refunded" bigint NOT NULL DEFAULT '0', "due_on" date NOT NULL, "transfer_reference" text NOT NULL, "buyer_name" text NOT NULL, "buyer_tax_code" text, "description" text NOT NULL, "pay_by" TIMESTAMP WITH TIME ZONE, "payment_id" uuid, "pay_page_url" text, "bookings" jsonb NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invoices_tenant_transfer_reference" UNIQUE ("tenant_id", "transfer_reference"), CONSTRAINT "invoices_order" UNIQUE ("order_id"), CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invoices_tenant_advertiser" ON "advertising"."invoices"  ("tenant_id", "advertiser_id", "issued_at") `);
    await queryRunner.query(`ALTER TABLE "advertising"."advertisers" ADD "payment_terms" text NOT NULL DEFAULT 'prepay'`);
    await queryRunner.query(`ALTER TABLE "advertising"."advertisers" ADD "net_days" integer`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "cancellation" jsonb`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "payment_terms" text NOT NULL DEFAULT 'prepay'`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "net_days" integer`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "invoice_id" uuid`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "pay_by" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "paid_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "advertising"."advertisers" SET "payment_terms" = 'invoice', "net_days" = 30`);
    await queryRunner.query(`UPDATE "advertising"."orders" SET "payment_terms" = 'invoice', "net_days" = 30`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "paid_at"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "pay_by"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "invoice_id"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "net_days"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "payment_terms"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "cancellation"`);
    await queryRunner.query(`ALTER TABLE "advertising"."advertisers" DROP COLUMN "net_days"`);
    await queryRunner.query(`ALTER TABLE "advertising"."advertisers" DROP COLUMN "payment_terms"`);
    await queryRunner.query(`DROP INDEX "advertising"."invoices_tenant_advertiser"`);
    await queryRunner.query(`DROP TABLE "advertising"."invoices"`);
    await queryRunner.query(`DROP INDEX "advertising"."invoice_refunds_invoice"`);
    await queryRunner.query(`DROP INDEX "advertising"."invoice_refunds_due"`);
    await queryRunner.query(`DROP TABLE "advertising"."invoice_refunds"`);
    await queryRunner.query(`DROP INDEX "advertising"."invoice_payments_invoice"`);
    await queryRunner.query(`DROP TABLE "advertising"."invoice_payments"`);
  }
}
