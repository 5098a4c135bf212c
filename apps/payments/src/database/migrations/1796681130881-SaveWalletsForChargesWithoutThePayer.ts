import { MigrationInterface, QueryRunner } from 'typeorm';

export class SaveWalletsForChargesWithoutThePayer1796681130881 implements MigrationInterface {
  name = 'SaveWalletsForChargesWithoutThePayer1796681130881';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payments"."saved_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "account_id" uuid NOT NULL, "rail" text NOT NULL, "payer_key" text NOT NULL, "payer_reference" text NOT NULL, "token_sealed" bytea NOT NULL, "label" text NOT NULL, "status" text NOT NULL, "saved_by_payment_id" uuid NOT NULL, "saved_by_attempt_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ae745e1ce1641fbae8faeccd0c8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "saved_tokens_saved_by_attempt" ON "payments"."saved_tokens"  ("saved_by_attempt_id") `);
    await queryRunner.query(`CREATE INDEX "saved_tokens_tenant_payer" ON "payments"."saved_tokens"  ("tenant_id", "payer_key") `);
    await queryRunner.query(`ALTER TABLE "payments"."payment_attempts" ADD "saved_token_id" uuid`);
    await queryRunner.query(`ALTER TABLE "payments"."payments" ADD "save_token_for" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "payment_attempts_one_charge_in_flight" ON "payments"."payment_attempts"  ("payment_id") WHERE "saved_token_id" IS NOT NULL AND "status" = 'started'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "payments"."payment_attempts_one_charge_in_flight"`);
    await queryRunner.query(`ALTER TABLE "payments"."payments" DROP COLUMN "save_token_for"`);
    await queryRunner.query(`ALTER TABLE "payments"."payment_attempts" DROP COLUMN "saved_token_id"`);
    await queryRunner.query(`DROP INDEX "payments"."saved_tokens_tenant_payer"`);
    await queryRunner.query(`DROP INDEX "payments"."saved_tokens_saved_by_attempt"`);
    await queryRunner.query(`DROP TABLE "payments"."saved_tokens"`);
  }
}
