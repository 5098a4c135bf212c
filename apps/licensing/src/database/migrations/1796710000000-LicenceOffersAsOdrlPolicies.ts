import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licence offers become ODRL Offers: a draft policy (JSON-LD) per offer and its published
 * revisions. An offer written before is carried over as the policy its use and stance said (a
 * permission or a prohibition of the matching action on the agency's catalog), and a published
 * one gets revision 1.
 */
export class LicenceOffersAsOdrlPolicies1796710000000 implements MigrationInterface {
  name = 'LicenceOffersAsOdrlPolicies1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "draft_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "published_revision" integer`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "published_draft_version" integer`);
    await queryRunner.query(`CREATE TABLE "licensing"."licence_offer_revisions" ("offer_id" uuid NOT NULL, "revision" integer NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "policy" jsonb NOT NULL, "actor" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_licence_offer_revisions" PRIMARY KEY ("offer_id", "revision"))`);
    await queryRunner.query(`
      UPDATE "licensing"."licence_offers" o SET "policy" = jsonb_build_object(
        '@context', jsonb_build_array('http://www.w3.org/ns/odrl.jsonld', 'https://revenue-suite.dev/ns/odrl.jsonld'),
        '@type', 'Offer',
        'uid', 'https://revenue-suite.dev/agencies/' || o."tenant_id" || '/licence-offers/' || o."id",
        'profile', 'https://revenue-suite.dev/ns/odrl/profile',
        'assigner', 'https://revenue-suite.dev/agencies/' || o."tenant_id",
        CASE o."stance" WHEN 'prohibit' THEN 'prohibition' ELSE 'permission' END,
        jsonb_build_array(jsonb_build_object(
          'target', 'https://revenue-suite.dev/agencies/' || o."tenant_id" || '/catalog',
          'action', CASE o."use"
            WHEN 'syndication' THEN '["display", "reproduce", "distribute"]'::jsonb
            WHEN 'ai-training' THEN '"textAndDataMining"'::jsonb
            WHEN 'ai-inference' THEN '"aiInput"'::jsonb
            ELSE '"archive"'::jsonb
          END
        ))
      )`);
    await queryRunner.query(`
      INSERT INTO "licensing"."licence_offer_revisions" ("offer_id", "revision", "tenant_id", "name", "policy", "actor")
      SELECT o."id", 1, o."tenant_id", o."name", jsonb_set(o."policy", '{uid}', to_jsonb(o."policy"->>'uid' || '/revisions/1')), 'licensing'
      FROM "licensing"."licence_offers" o WHERE o."status" = 'published'`);
    await queryRunner.query(`UPDATE "licensing"."licence_offers" SET "published_revision" = 1, "published_draft_version" = 1 WHERE "status" = 'published'`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ALTER COLUMN "policy" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ALTER COLUMN "draft_version" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "use"`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "stance"`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "status"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "status" text`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "stance" text`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ADD "use" text`);
    // Best effort: a policy's first rule says the stance, its action the use.
    await queryRunner.query(`
      UPDATE "licensing"."licence_offers" SET
        "status" = CASE WHEN "published_revision" IS NULL THEN 'draft' ELSE 'published' END,
        "stance" = CASE WHEN "policy" ? 'permission' THEN 'permit' ELSE 'prohibit' END,
        "use" = CASE
          WHEN "policy"::text LIKE '%textAndDataMining%' OR "policy"::text LIKE '%aiTrain%' THEN 'ai-training'
          WHEN "policy"::text LIKE '%aiInput%' THEN 'ai-inference'
          WHEN "policy"::text LIKE '%distribute%' OR "policy"::text LIKE '%reproduce%' THEN 'syndication'
          ELSE 'archive'
        END`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ALTER COLUMN "status" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ALTER COLUMN "stance" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" ALTER COLUMN "use" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "licensing"."licence_offer_revisions"`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "published_draft_version"`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "published_revision"`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "draft_version"`);
    await queryRunner.query(`ALTER TABLE "licensing"."licence_offers" DROP COLUMN "policy"`);
  }
}
