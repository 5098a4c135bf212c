import { MigrationInterface, QueryRunner } from 'typeorm';

export class RevenueByArticle1795868504636 implements MigrationInterface {
  name = 'RevenueByArticle1795868504636';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "finance"."article_revenue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "fact_key" text NOT NULL, "article_id" text NOT NULL, "stream" text NOT NULL, "currency" character(3) NOT NULL, "amount" bigint NOT NULL, "day" date NOT NULL, CONSTRAINT "article_revenue_fact_article" UNIQUE ("tenant_id", "fact_key", "article_id"), CONSTRAINT "PK_1e81a64ca2d9795e222ede9d303" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "article_revenue_tenant_day" ON "finance"."article_revenue"  ("tenant_id", "day") `);
    await queryRunner.query(`CREATE TABLE "finance"."subscription_payments" ("tenant_id" uuid NOT NULL, "provider_invoice_id" text NOT NULL, "subscription_id" uuid NOT NULL, "currency" character(3) NOT NULL, "amount" bigint NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_ac4dd9c3b416d61b8bc85bb1eb8" PRIMARY KEY ("tenant_id", "provider_invoice_id"))`);
    await queryRunner.query(`CREATE INDEX "subscription_payments_tenant_day" ON "finance"."subscription_payments"  ("tenant_id", "day") `);
    await queryRunner.query(`ALTER TABLE "finance"."subscription_states" ADD "article_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."subscription_states" DROP COLUMN "article_id"`);
    await queryRunner.query(`DROP INDEX "finance"."subscription_payments_tenant_day"`);
    await queryRunner.query(`DROP TABLE "finance"."subscription_payments"`);
    await queryRunner.query(`DROP INDEX "finance"."article_revenue_tenant_day"`);
    await queryRunner.query(`DROP TABLE "finance"."article_revenue"`);
  }
}
