import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What delivery comes to: each settled day of each line recorded once (with the DeliveryRecorded
 * event that told finance), make-good proposals for lines that ended short, make-good lines linked
 * to the short one, and units' capacity forecast from their own delivery (read per unit and day).
 */
export class AdDeliveryReports1796704000000 implements MigrationInterface {
  name = 'AdDeliveryReports1796704000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advertising"."delivery_records" ("line_id" uuid NOT NULL, "day" date NOT NULL, "tenant_id" uuid NOT NULL, "order_id" uuid NOT NULL, "impressions" bigint NOT NULL, "currency" text NOT NULL, "amount" bigint NOT NULL, "articles" jsonb NOT NULL, "event_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_519c690977c64cf171e345979ba" PRIMARY KEY ("line_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "advertising"."make_goods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "advertiser_id" uuid NOT NULL, "order_id" uuid NOT NULL, "line_id" uuid NOT NULL, "status" text NOT NULL, "shortfall_unit" text NOT NULL, "goal" bigint NOT NULL, "delivered" bigint NOT NULL, "shortfall" bigint NOT NULL, "missed_days" text array NOT NULL DEFAULT '{}', "currency" text NOT NULL, "credit_amount" bigint NOT NULL, "reason" text NOT NULL, "make_good_line_id" uuid, "make_good_order_id" uuid, "history" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "make_goods_line" UNIQUE ("line_id"), CONSTRAINT "PK_81ad72cc8bd0a9998dac6fad661" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "make_goods_tenant_advertiser" ON "advertising"."make_goods"  ("tenant_id", "advertiser_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "capacity_mode" text NOT NULL DEFAULT 'configured'`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "capacity_forecast" jsonb`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "forecast_checked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" ADD "make_good_of" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_delivery_hours_unit_day" ON "advertising"."delivery_hours" ("tenant_id", "ad_unit_id", "day")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "advertising"."IDX_delivery_hours_unit_day"`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" DROP COLUMN "make_good_of"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "forecast_checked_at"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "capacity_forecast"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "capacity_mode"`);
    await queryRunner.query(`DROP INDEX "advertising"."make_goods_tenant_advertiser"`);
    await queryRunner.query(`DROP TABLE "advertising"."make_goods"`);
    await queryRunner.query(`DROP TABLE "advertising"."delivery_records"`);
  }
}
