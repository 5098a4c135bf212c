import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRenewalTokenCharges1797410000000 implements MigrationInterface {
  name = 'AddRenewalTokenCharges1797410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" ADD "token_charge_attempted_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."invoices" DROP COLUMN "token_charge_attempted_at"`);
  }
}
