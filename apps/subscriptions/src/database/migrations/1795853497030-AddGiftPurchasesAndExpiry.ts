import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddGiftPurchasesAndExpiry1795853497030 implements MigrationInterface {
  name = 'AddGiftPurchasesAndExpiry1795853497030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."gift_purchases" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "price_id" uuid NOT NULL, "product_id" uuid NOT NULL, "months" integer NOT NULL, "intervals" integer NOT NULL, "currency" text NOT NULL, "unit_amount" bigint NOT NULL, "amount" bigint NOT NULL, "purchaser_email" text NOT NULL, "recipient_email" text, "message" text, "provider_checkout_id" text, "gift_id" uuid, "paid_at" TIMESTAMP WITH TIME ZONE, "code_revealed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "gift_purchases_amount" CHECK ("amount" >= 0 AND "unit_amount" >= 0 AND "intervals" >= 1), CONSTRAINT "gift_purchases_months" CHECK ("months" BETWEEN 1 AND 36), CONSTRAINT "PK_9e45226212b2afb609b183cf805" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "gift_purchases_gift" ON "subscriptions"."gift_purchases"  ("gift_id") WHERE gift_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "gift_purchases_checkout" ON "subscriptions"."gift_purchases"  ("tenant_id", "provider_checkout_id") WHERE provider_checkout_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" ADD "provider_checkout_id" text`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" ADD "expiry_recorded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "gifts_unredeemed_by" ON "subscriptions"."gifts"  ("redeem_by") WHERE redeemed_at IS NULL AND expiry_recorded_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "gifts_provider_checkout" ON "subscriptions"."gifts"  ("tenant_id", "provider_checkout_id") WHERE provider_checkout_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."gifts_provider_checkout"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."gifts_unredeemed_by"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" DROP COLUMN "expiry_recorded_at"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."gifts" DROP COLUMN "provider_checkout_id"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."gift_purchases_checkout"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."gift_purchases_gift"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."gift_purchases"`);
  }
}
