import { MigrationInterface, QueryRunner } from 'typeorm';

export class OffersExperimentsConversions1795857764264 implements MigrationInterface {
  name = 'OffersExperimentsConversions1795857764264';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "paywall"."conversions" ("tenant_id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "article_id" text, "offer_id" uuid, "experiment_id" uuid, "arm" text, "revenue" bigint NOT NULL DEFAULT '0', "currency" text, "converted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bac961be25858914c3dd7d508e5" PRIMARY KEY ("tenant_id", "subscription_id"))`);
    await queryRunner.query(`CREATE INDEX "conversions_tenant_time" ON "paywall"."conversions"  ("tenant_id", "converted_at") `);
    await queryRunner.query(`CREATE TABLE "paywall"."subscription_payments" ("tenant_id" uuid NOT NULL, "provider_invoice_id" text NOT NULL, "subscription_id" uuid NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, CONSTRAINT "PK_ac4dd9c3b416d61b8bc85bb1eb8" PRIMARY KEY ("tenant_id", "provider_invoice_id"))`);
    await queryRunner.query(`CREATE INDEX "subscription_payments_subscription" ON "paywall"."subscription_payments"  ("tenant_id", "subscription_id") `);
    await queryRunner.query(`CREATE TABLE "paywall"."experiment_arm_counts" ("experiment_id" uuid NOT NULL, "arm" text NOT NULL, "tenant_id" uuid NOT NULL, "impressions" bigint NOT NULL DEFAULT '0', "conversions" bigint NOT NULL DEFAULT '0', "revenue" bigint NOT NULL DEFAULT '0', "currency" text, CONSTRAINT "PK_3761743351741a954e58c9d8133" PRIMARY KEY ("experiment_id", "arm"))`);
    await queryRunner.query(`CREATE TABLE "paywall"."experiments" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "target" text NOT NULL, "policy_id" uuid, "arms" jsonb NOT NULL, "allocation" text NOT NULL, "objective" text NOT NULL, "version" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "stopped_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aafe1321d916fac58ba06ad8178" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "experiments_tenant" ON "paywall"."experiments"  ("tenant_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "paywall"."offer_revisions" ("tenant_id" uuid NOT NULL, "revision" integer NOT NULL, "offers" jsonb NOT NULL, "actor" text NOT NULL, "restored_from" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba417d93014f83abb4b8ac79cd8" PRIMARY KEY ("tenant_id", "revision"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "paywall"."offer_revisions"`);
    await queryRunner.query(`DROP INDEX "paywall"."experiments_tenant"`);
    await queryRunner.query(`DROP TABLE "paywall"."experiments"`);
    await queryRunner.query(`DROP TABLE "paywall"."experiment_arm_counts"`);
    await queryRunner.query(`DROP INDEX "paywall"."subscription_payments_subscription"`);
    await queryRunner.query(`DROP TABLE "paywall"."subscription_payments"`);
    await queryRunner.query(`DROP INDEX "paywall"."conversions_tenant_time"`);
    await queryRunner.query(`DROP TABLE "paywall"."conversions"`);
  }
}
