import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '@libs/common';

export class CreatePaywallSchema1795843636993 implements MigrationInterface {
  name = 'CreatePaywallSchema1795843636993';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'paywall');
    await queryRunner.query(`CREATE TABLE "paywall"."policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "site_id" uuid, "name" text NOT NULL, "kind" text NOT NULL, "meter_limit" integer, "priority" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_603e09f183df0108d8695c57e28" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "policies_tenant_priority" ON "paywall"."policies"  ("tenant_id", "priority") `);
    await queryRunner.query(`CREATE TABLE "paywall"."tenants" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "provisioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc5fb666b382723700bb4c1e76" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "paywall"."tenants"`);
    await queryRunner.query(`DROP INDEX "paywall"."policies_tenant_priority"`);
    await queryRunner.query(`DROP TABLE "paywall"."policies"`);
    await dropMessagingTablesV1(queryRunner, 'paywall');
  }
}
