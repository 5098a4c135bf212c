import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordGiftRefunds1797530000000 implements MigrationInterface {
  name = 'RecordGiftRefunds1797530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" ADD "refunded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" ADD "refunded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "gifts_payment" ON "subscriptions"."gifts"  ("tenant_id", "payment_id") WHERE payment_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."gifts_payment"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" DROP COLUMN "refunded_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" DROP COLUMN "refunded_at"`);
  }
}
