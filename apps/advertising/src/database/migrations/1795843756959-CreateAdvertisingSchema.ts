import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '@libs/common';

export class CreateAdvertisingSchema1795843756959 implements MigrationInterface {
  name = 'CreateAdvertisingSchema1795843756959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'advertising');
    await queryRunner.query(`CREATE TABLE "advertising"."ad_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "format" text NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ad_units_tenant_code" UNIQUE ("tenant_id", "code"), CONSTRAINT "PK_54a917b4b8c96ba787ea21debda" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "advertising"."tenants" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "default_currency" text NOT NULL, "provisioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc5fb666b382723700bb4c1e76" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "advertising"."tenants"`);
    await queryRunner.query(`DROP TABLE "advertising"."ad_units"`);
    await dropMessagingTablesV1(queryRunner, 'advertising');
  }
}
