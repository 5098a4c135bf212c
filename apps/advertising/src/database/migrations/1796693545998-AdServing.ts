import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdServing1796693545998 implements MigrationInterface {
  name = 'AdServing1796693545998';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."orders" ADD "serving_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "advertising"."sites" ADD "publishable_key" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "advertising"."sites" DROP COLUMN "publishable_key"`);
    await queryRunner.query(`ALTER TABLE "advertising"."orders" DROP COLUMN "serving_version"`);
  }
}
