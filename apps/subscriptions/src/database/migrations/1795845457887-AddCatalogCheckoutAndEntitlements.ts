import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCatalogCheckoutAndEntitlements1795845457887 implements MigrationInterface {
  name = 'AddCatalogCheckoutAndEntitlements1795845457887';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."plans" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "product_id" uuid NOT NULL, "name" text NOT NULL, "interval" text NOT NULL, "interval_count" integer NOT NULL, "trial_days" integer NOT NULL, "change_policy" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "plans_tenant" ON "subscriptions"."plans"  ("tenant_id") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."prices" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "version" integer NOT NULL, "currency" text NOT NULL, "unit_amount" bigint NOT NULL, "provider_price_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "prices_plan_version" UNIQUE ("plan_id", "version"), CONSTRAINT "PK_2e40b9e4e631a53cd514d82ccd2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "prices_provider_price" ON "subscriptions"."prices"  ("tenant_id", "provider_price_id") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."products" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "product_type" text NOT NULL, "entitlements" text array NOT NULL, "provider_product_id" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "products_tenant" ON "subscriptions"."products"  ("tenant_id") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."checkouts" ("provider_checkout_id" text NOT NULL, "tenant_id" uuid NOT NULL, "reader_key" text NOT NULL, "plan_id" uuid NOT NULL, "price_id" uuid NOT NULL, "reference" text, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c1de3d9b2965149dd1b1663bbf" PRIMARY KEY ("provider_checkout_id"))`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "reader_key" text NOT NULL, "reader_id" text, "email" text, "provider_customer_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "customers_provider" ON "subscriptions"."customers"  ("tenant_id", "provider_customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "customers_reader" ON "subscriptions"."customers"  ("tenant_id", "reader_key") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."reader_entitlements" ("tenant_id" uuid NOT NULL, "reader_key" text NOT NULL, "grants" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_450487d13bbf166772bacdda779" PRIMARY KEY ("tenant_id", "reader_key"))`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."invoices" ("tenant_id" uuid NOT NULL, "provider_invoice_id" text NOT NULL, "subscription_id" uuid NOT NULL, "currency" text NOT NULL, "amount_paid" bigint NOT NULL, "tax" bigint NOT NULL, "provider_fee" bigint NOT NULL, "provider_charge_id" text, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7f482d84b7b6f8403d312f01104" PRIMARY KEY ("tenant_id", "provider_invoice_id"))`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."provider_events" ("tenant_id" uuid NOT NULL, "provider_event_id" text NOT NULL, "type" text NOT NULL, "event" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "processed_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_08188001fcf74e9b89683ca7680" PRIMARY KEY ("tenant_id", "provider_event_id"))`);
    await queryRunner.query(`CREATE INDEX "provider_events_pending" ON "subscriptions"."provider_events"  ("next_attempt_at") WHERE processed_at IS NULL AND failed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."reader_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "provider_subscription_id" text NOT NULL, "reader_key" text NOT NULL, "plan_id" uuid NOT NULL, "price_id" uuid NOT NULL, "status" text NOT NULL, "current_period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "current_period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "cancel_at_period_end" boolean NOT NULL, "trial_end" TIMESTAMP WITH TIME ZONE, "reference" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a630c8c6811be55b94e192ce68c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "reader_subscriptions_reader" ON "subscriptions"."reader_subscriptions"  ("tenant_id", "reader_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "reader_subscriptions_provider" ON "subscriptions"."reader_subscriptions"  ("tenant_id", "provider_subscription_id") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."stripe_accounts" ("tenant_id" uuid NOT NULL, "secret_key_sealed" bytea NOT NULL, "webhook_secret_sealed" bytea NOT NULL, "mode" text NOT NULL, "key_last4" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d4318f714427e387944df3a580" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscriptions"."stripe_accounts"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."reader_subscriptions_provider"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."reader_subscriptions_reader"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."reader_subscriptions"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."provider_events_pending"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."provider_events"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."invoices"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."reader_entitlements"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."customers_reader"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."customers_provider"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."customers"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."checkouts"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."products_tenant"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."products"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."prices_provider_price"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."prices"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."plans_tenant"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."plans"`);
  }
}
