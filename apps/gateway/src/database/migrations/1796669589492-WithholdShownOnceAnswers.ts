import { MigrationInterface, QueryRunner } from 'typeorm';

export class WithholdShownOnceAnswers1796669589492 implements MigrationInterface {
  name = 'WithholdShownOnceAnswers1796669589492';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "gateway"."idempotency_keys" ADD "answer_withheld" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created" ON "gateway"."idempotency_keys" ("created_at") `);
    // Answers stored before: those holding a secret shown once are not kept any longer.
    await queryRunner.query(
      `UPDATE "gateway"."idempotency_keys" SET "response_body" = NULL, "answer_withheld" = true
        WHERE "response_body" ? 'secret' OR "response_body" ? 'adminApiKey' OR "response_body" ? 'claimCode'
           OR "response_body" ? 'token' OR "response_body" ? 'accessToken' OR "response_body" ? 'invitationToken'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "gateway"."idempotency_keys_created"`);
    await queryRunner.query(`ALTER TABLE "gateway"."idempotency_keys" DROP COLUMN "answer_withheld"`);
  }
}
