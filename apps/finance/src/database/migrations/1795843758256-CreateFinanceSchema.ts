import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '@libs/common';

export class CreateFinanceSchema1795843758256 implements MigrationInterface {
  name = 'CreateFinanceSchema1795843758256';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'finance');
    await queryRunner.query(`CREATE TABLE "finance"."accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "system" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "accounts_tenant_code" UNIQUE ("tenant_id", "code"), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "finance"."tenants" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "default_currency" text NOT NULL, "provisioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc5fb666b382723700bb4c1e76" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "finance"."tenants"`);
    await queryRunner.query(`DROP TABLE "finance"."accounts"`);
    await dropMessagingTablesV1(queryRunner, 'finance');
  }
}
