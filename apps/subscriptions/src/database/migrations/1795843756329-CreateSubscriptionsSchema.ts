import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '@libs/common';

export class CreateSubscriptionsSchema1795843756329 implements MigrationInterface {
  name = 'CreateSubscriptionsSchema1795843756329';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'subscriptions');
    await queryRunner.query(`CREATE TABLE "subscriptions"."billing_settings" ("tenant_id" uuid NOT NULL, "default_currency" text NOT NULL, "dunning_retry_days" integer array NOT NULL, "grace_days" integer NOT NULL, "after_final_failure" text NOT NULL, CONSTRAINT "PK_d79ca97139b63ba51cdb569ae10" PRIMARY KEY ("tenant_id"))`);
    await queryRunner.query(`CREATE TABLE "subscriptions"."tenants" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "locale" text NOT NULL, "default_currency" text NOT NULL, "provisioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc5fb666b382723700bb4c1e76" PRIMARY KEY ("tenant_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscriptions"."tenants"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."billing_settings"`);
    await dropMessagingTablesV1(queryRunner, 'subscriptions');
  }
}
