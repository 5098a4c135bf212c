import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdvertisingCreatives1796691708164 implements MigrationInterface {
  name = 'AdvertisingCreatives1796691708164';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advertising"."creatives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "advertiser_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "size" text NOT NULL, "format" text NOT NULL, "close_control_after_ms" integer, "placement" text NOT NULL, "label" text, "click_url" text, "headline" text, "tag" text, "entry_file" text, "source_url" text, "content" bytea, "content_type" text, "content_bytes" integer NOT NULL DEFAULT '0', "sha256" text, "status" text NOT NULL, "rejection_reason" text, "order_line_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "creatives_content_capped" CHECK (octet_length(content) <= 500000), CONSTRAINT "PK_fb146841da64b2b38449f618daf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "creatives_tenant_advertiser" ON "advertising"."creatives"  ("tenant_id", "advertiser_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "advertising"."creatives_tenant_advertiser"`);
    await queryRunner.query(`DROP TABLE "advertising"."creatives"`);
  }
}
