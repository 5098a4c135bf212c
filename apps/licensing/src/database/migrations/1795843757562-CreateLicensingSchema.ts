import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '@libs/common';

export class CreateLicensingSchema1795843757562 implements MigrationInterface {
  name = 'CreateLicensingSchema1795843757562';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'licensing');
    await queryRunner.query(`CREATE TABLE "licensing"."licence_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "name" text NOT NULL, "use" text NOT NULL, "stance" text NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c65a0aeb99aacc8c467644c6138" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "licence_offers_tenant_name" ON "licensing"."licence_offers"  ("tenant_id", "name") `);
    await queryRunner.query(`CREATE TABLE "licensing"."tenants" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "default_currency" text NOT NULL, "provisioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc5fb666b382723700bb4c1e76" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "licensing"."tenants"`);
    await queryRunner.query(`DROP INDEX "licensing"."licence_offers_tenant_name"`);
    await queryRunner.query(`DROP TABLE "licensing"."licence_offers"`);
    await dropMessagingTablesV1(queryRunner, 'licensing');
  }
}
