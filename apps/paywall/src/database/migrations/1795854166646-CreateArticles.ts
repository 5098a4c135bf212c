import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticles1795854166646 implements MigrationInterface {
  name = 'CreateArticles1795854166646';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "paywall"."articles" ("tenant_id" uuid NOT NULL, "article_id" text COLLATE "C" NOT NULL, "site_id" uuid, "url" text NOT NULL, "section" text, "tags" text array NOT NULL DEFAULT '{}', "author" text, "published_at" TIMESTAMP WITH TIME ZONE, "access_level" text NOT NULL, "lock_after_days" integer, "free_after_days" integer, "version" integer NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e674063577e273bb413e801208f" PRIMARY KEY ("tenant_id", "article_id"))`);
    await queryRunner.query(`CREATE INDEX "articles_tenant_section" ON "paywall"."articles"  ("tenant_id", "section", "article_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "paywall"."articles_tenant_section"`);
    await queryRunner.query(`DROP TABLE "paywall"."articles"`);
  }
}
