import { MigrationInterface, QueryRunner } from 'typeorm';

export class VersionSites1795853931307 implements MigrationInterface {
  name = 'VersionSites1795853931307';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."sites" ADD "version" integer NOT NULL DEFAULT '1'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."sites" DROP COLUMN "version"`);
  }
}
