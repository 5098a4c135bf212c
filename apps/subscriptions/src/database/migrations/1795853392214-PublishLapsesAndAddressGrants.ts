import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublishLapsesAndAddressGrants1795853392214 implements MigrationInterface {
  name = 'PublishLapsesAndAddressGrants1795853392214';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_entitlements" ADD "lapses_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."group_licences" ADD "address_grants_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."group_licences" ADD "address_grants_ended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "reader_entitlements_lapses_at" ON "subscriptions"."reader_entitlements"  ("lapses_at") WHERE "lapses_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."reader_entitlements_lapses_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."group_licences" DROP COLUMN "address_grants_ended_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."group_licences" DROP COLUMN "address_grants_version"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."reader_entitlements" DROP COLUMN "lapses_at"`);
  }
}
