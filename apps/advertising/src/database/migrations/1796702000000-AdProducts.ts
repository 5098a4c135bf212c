import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products beyond a slot: takeover pages (a site's units sold together), the roadblock id a
 * takeover's lines share, what an order takes over or the sponsored article it pays for, the
 * per-article price on rate cards, the agency's sponsored label, the teaser creatives whose label
 * stays theirs, and creatives found by their digest (the public file route).
 */
export class AdProducts1796702000000 implements MigrationInterface {
  name = 'AdProducts1796702000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advertising"."takeover_pages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "site_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "ad_unit_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "takeover_pages_tenant_code" UNIQUE ("tenant_id", "code"), CONSTRAINT "PK_e4866bd3ce0a2b477a2055bd98e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "advertising"."creatives" ADD "sponsored_article" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" ADD "roadblock_id" uuid`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "takeover" jsonb`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "sponsored_article" jsonb`);
    await queryRunner.query(`ALTER TABLE "advertising"."rate_cards" ADD "sponsored_article_price" bigint`);
    await queryRunner.query(`ALTER TABLE "advertising"."tenants" ADD "sponsored_label" text`);
    await queryRunner.query(`CREATE INDEX "creatives_sha256" ON "advertising"."creatives"  ("sha256") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "advertising"."creatives_sha256"`);
    await queryRunner.query(`ALTER TABLE "advertising"."tenants" DROP COLUMN "sponsored_label"`);
    await queryRunner.query(`ALTER TABLE "advertising"."rate_cards" DROP COLUMN "sponsored_article_price"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "sponsored_article"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "takeover"`);
    await queryRunner.query(`ALTER TABLE "advertising"."order_lines" DROP COLUMN "roadblock_id"`);
    await queryRunner.query(`ALTER TABLE "advertising"."creatives" DROP COLUMN "sponsored_article"`);
    await queryRunner.query(`DROP TABLE "advertising"."takeover_pages"`);
  }
}
