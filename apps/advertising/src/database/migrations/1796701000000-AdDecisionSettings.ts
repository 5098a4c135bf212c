import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What ad decisions still lacked: lines' priority, frequency cap and pacing; units' house ads and
 * passback tag (and a serving version, as orders have); sites' subscriber load; readers'
 * entitlements (ad-free, subscriber) copied from subscriptions; and each site's page requests per
 * agency-local hour, the history its traffic curve is drawn from.
 */
export class AdDecisionSettings1796701000000 implements MigrationInterface {
  name = 'AdDecisionSettings1796701000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" ADD "priority" integer`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" ADD "frequency_cap" jsonb`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" ADD "pacing" text NOT NULL DEFAULT 'even'`);
    await queryRunner.query(
      `ALTER TABLE "advertising"."ad_units" ADD "house_creative_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "passback_tag" text`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" ADD "serving_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "advertising"."sites" ADD "subscriber_max_units" integer`);
    await queryRunner.query(`ALTER TABLE "advertising"."sites" ADD "settings_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`CREATE TABLE "advertising"."reader_grants" (
      "tenant_id" uuid NOT NULL,
      "reader_key" text NOT NULL,
      "grants" jsonb NOT NULL,
      "version" integer NOT NULL,
      PRIMARY KEY ("tenant_id", "reader_key")
    )`);
    await queryRunner.query(`CREATE TABLE "advertising"."site_traffic_hours" (
      "site_id" uuid NOT NULL,
      "day" date NOT NULL,
      "hour" smallint NOT NULL,
      "tenant_id" uuid NOT NULL,
      "pages" bigint NOT NULL,
      PRIMARY KEY ("site_id", "day", "hour")
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "advertising"."site_traffic_hours"`);
    await queryRunner.query(`DROP TABLE "advertising"."reader_grants"`);
    await queryRunner.query(`ALTER TABLE "advertising"."sites" DROP COLUMN "settings_version"`);
    await queryRunner.query(`ALTER TABLE "advertising"."sites" DROP COLUMN "subscriber_max_units"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "serving_version"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "passback_tag"`);
    await queryRunner.query(`ALTER TABLE "advertising"."ad_units" DROP COLUMN "house_creative_ids"`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" DROP COLUMN "pacing"`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" DROP COLUMN "frequency_cap"`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" DROP COLUMN "priority"`);
  }
}
