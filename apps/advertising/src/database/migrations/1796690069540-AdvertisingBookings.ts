import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdvertisingBookings1796690069540 implements MigrationInterface {
  name = 'AdvertisingBookings1796690069540';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advertising"."advertisers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "name" text NOT NULL, "category" text NOT NULL, "media_agency" text, "tax_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0618516584bd6609576d6a9ff5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "advertisers_tenant_name" ON "advertising"."advertisers"  ("tenant_id", "name") `);
    await queryRunner.query(`CREATE TABLE "advertising"."inventory_days" ("ad_unit_id" uuid NOT NULL, "day" date NOT NULL, "tenant_id" uuid NOT NULL, "capacity" integer NOT NULL, "sold" integer NOT NULL DEFAULT '0', "held" integer NOT NULL DEFAULT '0', "exclusive" boolean NOT NULL DEFAULT false, CONSTRAINT "inventory_days_within_capacity" CHECK ("sold" >= 0 AND "held" >= 0 AND "sold" + "held" <= "capacity"), CONSTRAINT "PK_8555fabf82aea4ca302757cb6b2" PRIMARY KEY ("ad_unit_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "advertising"."order_line_days" ("line_id" uuid NOT NULL, "day" date NOT NULL, "tenant_id" uuid NOT NULL, "order_id" uuid NOT NULL, "ad_unit_id" uuid NOT NULL, "impressions" integer NOT NULL, CONSTRAINT "PK_bb4d46a3983689f30973d226d77" PRIMARY KEY ("line_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "advertising"."order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "order_id" uuid NOT NULL, "position" integer NOT NULL, "ad_unit_id" uuid NOT NULL, "pricing_model" text NOT NULL, "flight_start" date NOT NULL, "flight_end" date NOT NULL, "impressions_per_day" integer NOT NULL, "targeting" jsonb NOT NULL, "quote" jsonb NOT NULL, CONSTRAINT "PK_627dcd7f1d707de4df241b2da6b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "order_lines_order" ON "advertising"."order_lines"  ("order_id", "position") `);
    await queryRunner.query(`CREATE TABLE "advertising"."orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "advertiser_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "currency" text NOT NULL, "taxable" bigint NOT NULL, "vat" bigint NOT NULL, "total" bigint NOT NULL, "hold_expires_at" TIMESTAMP WITH TIME ZONE, "cancellation_penalty" bigint, "history" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "orders_holds" ON "advertising"."orders"  ("status", "hold_expires_at") `);
    await queryRunner.query(`CREATE INDEX "orders_tenant_advertiser" ON "advertising"."orders"  ("tenant_id", "advertiser_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "advertising"."rate_cards" ("ad_unit_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "currency" text NOT NULL, "cpd_price" bigint, "cpm_price" bigint, "sponsorship_day_price" bigint, "vat_rate_bp" integer NOT NULL, "seasonal_multipliers" jsonb NOT NULL, "volume_discounts" jsonb NOT NULL, "commission_tiers" jsonb NOT NULL, "cancellation_penalties" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_025fb8eaf384a6dcdd35306d982" PRIMARY KEY ("ad_unit_id"))`);
    await queryRunner.query(`CREATE TABLE "advertising"."sites" ("site_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_cc9bfd643a3d4e033198a474db7" PRIMARY KEY ("site_id"))`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "site_id" uuid`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "sizes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "page_types" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "sections" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "daily_capacity" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "exclusive_sponsorship" boolean NOT NULL DEFAULT false`);
    // The defaults agencies already have get what new agencies start with (default-ad-units.ts).
    await queryRunner.query(`UPDATE "advertising"."ad_units" SET "sizes" = CASE WHEN "width" > 0 THEN ARRAY["width" || 'x' || "height"] WHEN "format" = 'native' THEN ARRAY['native'] ELSE ARRAY['fluid'] END, "page_types" = CASE "code" WHEN 'homepage-takeover' THEN ARRAY['home'] WHEN 'in-article' THEN ARRAY['article'] ELSE ARRAY['home', 'section', 'article'] END, "daily_capacity" = CASE "code" WHEN 'homepage-takeover' THEN 1000000 ELSE 500000 END, "exclusive_sponsorship" = ("format" = 'sponsorship')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "exclusive_sponsorship"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "daily_capacity"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "sections"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "page_types"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "sizes"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "site_id"`);
    await queryRunner.query(`DROP TABLE "advertising"."sites"`);
    await queryRunner.query(`DROP TABLE "advertising"."rate_cards"`);
    await queryRunner.query(`DROP INDEX "advertising"."orders_tenant_advertiser"`);
    await queryRunner.query(`DROP INDEX "advertising"."orders_holds"`);
    await queryRunner.query(`DROP TABLE "advertising"."orders"`);
    await queryRunner.query(`DROP INDEX "advertising"."order_lines_order"`);
    await queryRunner.query(`DROP TABLE "advertising"."order_lines"`);
    await queryRunner.query(`DROP TABLE "advertising"."order_line_days"`);
    await queryRunner.query(`DROP TABLE "advertising"."inventory_days"`);
    await queryRunner.query(`DROP INDEX "advertising"."advertisers_tenant_name"`);
    await queryRunner.query(`DROP TABLE "advertising"."advertisers"`);
  }
}
