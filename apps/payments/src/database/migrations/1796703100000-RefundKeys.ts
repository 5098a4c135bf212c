import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefundKeys1796703100000 implements MigrationInterface {
  name = 'RefundKeys1796703100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments"."payment_refunds" ADD "refund_key" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "payment_refunds_payment_key" ON "payments"."payment_refunds"  ("payment_id", "refund_key") WHERE "refund_key" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "payments"."payment_refunds_payment_key"`);
    await queryRunner.query(`ALTER TABLE "payments"."payment_refunds" DROP COLUMN "refund_key"`);
  }
}
