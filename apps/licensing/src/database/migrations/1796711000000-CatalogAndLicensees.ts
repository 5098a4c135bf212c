import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogAndLicensees1796711000000 implements MigrationInterface {
  name = 'CatalogAndLicensees1796711000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "licensing"."catalog_articles" ("tenant_id" uuid NOT NULL, "article_id" text COLLATE "C" NOT NULL, "site_id" uuid, "url" text NOT NULL, "section" text, "headline" text, "body" text, "body_url" text, "language" text, "authors" jsonb NOT NULL DEFAULT '[]', "rights_holder" text, "published_at" TIMESTAMP WITH TIME ZONE, "embargo_until" TIMESTAMP WITH TIME ZONE, "licensable" boolean NOT NULL, "excluded_territories" text array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "deleted" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8be60e4eaad65fd31ebcb800008" PRIMARY KEY ("tenant_id", "article_id"))`);
    await queryRunner.query(`CREATE INDEX "catalog_articles_tenant_licensable" ON "licensing"."catalog_articles"  ("tenant_id", "licensable", "article_id") `);
    await queryRunner.query(`CREATE TABLE "licensing"."licensees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "country" text NOT NULL, "tax_code" text, "contact_name" text NOT NULL, "contact_email" text NOT NULL, "contact_phone" text, "client_id" text NOT NULL, "client_secret_hash" bytea, "client_secret_issued_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0cad3879f874b089aa2d2b6185" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "licensees_client_id" ON "licensing"."licensees"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "licensees_tenant_name" ON "licensing"."licensees"  ("tenant_id", "name") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "licensing"."licensees_tenant_name"`);
    await queryRunner.query(`DROP INDEX "licensing"."licensees_client_id"`);
    await queryRunner.query(`DROP TABLE "licensing"."licensees"`);
    await queryRunner.query(`DROP INDEX "licensing"."catalog_articles_tenant_licensable"`);
    await queryRunner.query(`DROP TABLE "licensing"."catalog_articles"`);
  }
}
