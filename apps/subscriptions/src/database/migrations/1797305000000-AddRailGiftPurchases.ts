import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRailGiftPurchases1797305000000 implements MigrationInterface {
  name = 'AddRailGiftPurchases1797305000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" ADD "payment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" ADD "amount_due" bigint`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" ADD "tax" bigint`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" ADD "payment_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "gift_purchases_payment" ON "subscriptions"."gift_purchases"  ("tenant_id", "payment_id") WHERE payment_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."gift_purchases_payment"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" DROP COLUMN "payment_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" DROP COLUMN "tax"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" DROP COLUMN "amount_due"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gift_purchases" DROP COLUMN "payment_id"`);
  }
}
