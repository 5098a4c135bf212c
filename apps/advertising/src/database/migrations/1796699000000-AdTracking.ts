import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What beacons record: every counted impression, viewable impression and click once (raw, kept
 * for audit, partitioned by the UTC day the ad was decided), and hourly counters per line, unit
 * and article in the agency's own day and hour. Partitions are made ahead and dropped past
 * retention by the tracking job, not here.
 */
export class AdTracking1796699000000 implements MigrationInterface {
  name = 'AdTracking1796699000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advertising"."ad_events" (
      "decided_on" date NOT NULL,
      "beacon_id" uuid NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('impression', 'viewable', 'click')),
      "tenant_id" uuid NOT NULL,
      "site_id" uuid NOT NULL,
      "order_id" uuid NOT NULL,
      "line_id" uuid NOT NULL,
      "ad_unit_id" uuid NOT NULL,
      "creative_id" uuid NOT NULL,
      "article_id" text NOT NULL DEFAULT '',
      "reader_hash" text,
      "day" date NOT NULL,
      "hour" smallint NOT NULL CHECK ("hour" BETWEEN 0 AND 23),
      "occurred_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("decided_on", "beacon_id", "kind")
    ) PARTITION BY RANGE ("decided_on")`);
    await queryRunner.query(
      `CREATE TABLE "advertising"."ad_events_default" PARTITION OF "advertising"."ad_events" DEFAULT`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ad_events_line_day" ON "advertising"."ad_events" ("tenant_id", "line_id", "day")`,
    );
    await queryRunner.query(`CREATE TABLE "advertising"."delivery_hours" (
      "line_id" uuid NOT NULL,
      "ad_unit_id" uuid NOT NULL,
      "article_id" text NOT NULL DEFAULT '',
      "day" date NOT NULL,
      "hour" smallint NOT NULL CHECK ("hour" BETWEEN 0 AND 23),
      "tenant_id" uuid NOT NULL,
      "order_id" uuid NOT NULL,
      "impressions" bigint NOT NULL DEFAULT 0,
      "viewables" bigint NOT NULL DEFAULT 0,
      "clicks" bigint NOT NULL DEFAULT 0,
      PRIMARY KEY ("line_id", "ad_unit_id", "day", "hour", "article_id")
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_delivery_hours_order_day" ON "advertising"."delivery_hours" ("tenant_id", "order_id", "day")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "advertising"."delivery_hours"`);
    await queryRunner.query(`DROP TABLE "advertising"."ad_events"`);
  }
}
