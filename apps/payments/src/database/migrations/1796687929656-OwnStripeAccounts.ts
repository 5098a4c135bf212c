import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnStripeAccounts1796687929656 implements MigrationInterface {
  name = 'OwnStripeAccounts1796687929656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payments"."stripe_accounts" ("tenant_id" uuid NOT NULL, "secret_key_sealed" bytea NOT NULL, "webhook_secret_sealed" bytea NOT NULL, "mode" text NOT NULL, "key_last4" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d4318f714427e387944df3a580" PRIMARY KEY ("tenant_id"))`);
    await queryRunner.query(`CREATE TABLE "payments"."stripe_notifications" ("tenant_id" uuid NOT NULL, "event_id" text NOT NULL, "type" text NOT NULL, "kind" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc0acd98d4f7804fb2d9bea050b" PRIMARY KEY ("tenant_id", "event_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payments"."stripe_notifications"`);
    await queryRunner.query(`DROP TABLE "payments"."stripe_accounts"`);
  }
}
