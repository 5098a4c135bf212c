import { MigrationInterface, QueryRunner } from 'typeorm';

export class ArticleLicensingFields1796698498293 implements MigrationInterface {
  name = 'ArticleLicensingFields1796698498293';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "headline" text`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "body" text`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "body_url" text`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "language" text`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "authors" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "rights_holder" text`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "embargo_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "licensable" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" ADD "excluded_territories" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "excluded_territories"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "licensable"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "embargo_until"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "rights_holder"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "authors"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "body_url"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "body"`);
    await queryRunner.query(`ALTER TABLE "paywall"."articles" DROP COLUMN "headline"`);
  }
}
