import { MigrationInterface, QueryRunner } from 'typeorm';

export class LetAccountsSaveWallets1796683581161 implements MigrationInterface {
  name = 'LetAccountsSaveWallets1796683581161';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments"."rail_accounts" ADD "saves_wallets" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments"."rail_accounts" DROP COLUMN "saves_wallets"`);
  }
}
