import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaywallDecisionState1795854312648 implements MigrationInterface {
  name = 'PaywallDecisionState1795854312648';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "paywall"."policy_revisions" ("tenant_id" uuid NOT NULL, "revision" integer NOT NULL, "policies" jsonb NOT NULL, "actor" text NOT NULL, "restored_from" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95cca230a17ad85237755ab4f71" PRIMARY KEY ("tenant_id", "revision"))`);
    await queryRunner.query(`CREATE TABLE "paywall"."address_grants" ("tenant_id" uuid NOT NULL, "licence_id" uuid NOT NULL, "ip_ranges" text array NOT NULL, "entitlements" text array NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_c1be4d04a647a77a193cb4570f4" PRIMARY KEY ("tenant_id", "licence_id"))`);
    await queryRunner.query(`CREATE TABLE "paywall"."reader_grants" ("tenant_id" uuid NOT NULL, "reader_key" text NOT NULL, "grants" jsonb NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_f162be5ef8b0003df6a40e2c43e" PRIMARY KEY ("tenant_id", "reader_key"))`);
    await queryRunner.query(`CREATE TABLE "paywall"."reader_reads" ("tenant_id" uuid NOT NULL, "reader_key" text NOT NULL, "article" text NOT NULL, "day" integer NOT NULL, "section" text, CONSTRAINT "PK_f8dafa32ed7cf38ff97b80300a9" PRIMARY KEY ("tenant_id", "reader_key", "article", "day"))`);
    await queryRunner.query(`CREATE INDEX "reader_reads_day" ON "paywall"."reader_reads"  ("day") `);
    await queryRunner.query(`CREATE TABLE "paywall"."sites" ("site_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "publishable_key" text NOT NULL, "domain" text NOT NULL, "version" integer NOT NULL, CONSTRAINT "UQ_d1d77e39e08231d80e4337faeb6" UNIQUE ("publishable_key"), CONSTRAINT "PK_cc9bfd643a3d4e033198a474db7" PRIMARY KEY ("site_id"))`);
    await queryRunner.query(`CREATE INDEX "sites_tenant" ON "paywall"."sites"  ("tenant_id") `);
    // The policies rows become each agency's first revision, then go.
    await queryRunner.query(`INSERT INTO "paywall"."policy_revisions" ("tenant_id", "revision", "policies", "actor")
      SELECT "tenant_id", 1, jsonb_agg(jsonb_build_object(
               'id', "id", 'name', "name", 'siteId', "site_id", 'active', "active", 'conditions', '{}'::jsonb,
               'rule', CASE "kind"
                 WHEN 'metered' THEN jsonb_build_object('kind', 'metered', 'limit', COALESCE("meter_limit", 0), 'window', 'calendar-month',
                                                        'perSection', false, 'registrationBonus', 0, 'entitlement', 'premium-articles')
                 WHEN 'registration' THEN jsonb_build_object('kind', 'registration', 'freeArticles', COALESCE("meter_limit", 0), 'window', 'calendar-month',
                                                             'entitlement', 'premium-articles')
                 WHEN 'time-based' THEN jsonb_build_object('kind', 'time-based', 'premiumForDays', 7, 'entitlement', 'premium-articles')
                 ELSE jsonb_build_object('kind', "kind", 'entitlement', 'premium-articles') END
             ) ORDER BY "priority", "name"), 'migration'
        FROM "paywall"."policies" GROUP BY "tenant_id"`);
    await queryRunner.query(`DROP INDEX "paywall"."policies_tenant_priority"`);
    await queryRunner.query(`DROP TABLE "paywall"."policies"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "paywall"."policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "site_id" uuid, "name" text NOT NULL, "kind" text NOT NULL, "meter_limit" integer, "priority" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_603e09f183df0108d8695c57e28" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "policies_tenant_priority" ON "paywall"."policies"  ("tenant_id", "priority") `);
    await queryRunner.query(`INSERT INTO "paywall"."policies" ("id", "tenant_id", "site_id", "name", "kind", "meter_limit", "priority", "active")
      SELECT (p->>'id')::uuid, r."tenant_id", (p->>'siteId')::uuid, p->>'name', p->'rule'->>'kind',
             COALESCE((p->'rule'->>'limit')::int, (p->'rule'->>'freeArticles')::int), (o.n * 10)::int, (p->>'active')::boolean
        FROM "paywall"."policy_revisions" r
        CROSS JOIN LATERAL jsonb_array_elements(r."policies") WITH ORDINALITY AS o(p, n)
       WHERE r."revision" = (SELECT MAX("revision") FROM "paywall"."policy_revisions" x WHERE x."tenant_id" = r."tenant_id")`);
    await queryRunner.query(`DROP INDEX "paywall"."sites_tenant"`);
    await queryRunner.query(`DROP TABLE "paywall"."sites"`);
    await queryRunner.query(`DROP INDEX "paywall"."reader_reads_day"`);
    await queryRunner.query(`DROP TABLE "paywall"."reader_reads"`);
    await queryRunner.query(`DROP TABLE "paywall"."reader_grants"`);
    await queryRunner.query(`DROP TABLE "paywall"."address_grants"`);
    await queryRunner.query(`DROP TABLE "paywall"."policy_revisions"`);
  }
}
