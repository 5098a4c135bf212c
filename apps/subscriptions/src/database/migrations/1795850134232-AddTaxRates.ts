import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTaxRates1795850134232 implements MigrationInterface {
  name = 'AddTaxRates1795850134232';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."tax_rates" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "product_type" text NOT NULL, "basis_points" integer NOT NULL, "inclusive" boolean NOT NULL, "display_name" text NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "effective_to" TIMESTAMP WITH TIME ZONE, "provider_tax_rate_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41164a748f3dafa373c7e508ca2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "tax_rates_lookup" ON "subscriptions"."tax_rates"  ("tenant_id", "product_type", "effective_from") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."tax_rates_lookup"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."tax_rates"`);
  }
}
