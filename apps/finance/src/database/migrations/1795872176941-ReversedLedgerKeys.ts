import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReversedLedgerKeys1795872176941 implements MigrationInterface {
  name = 'ReversedLedgerKeys1795872176941';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."stripe_ledger_keys" ADD "reversed_by_entry_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."stripe_ledger_keys" DROP COLUMN "reversed_by_entry_id"`);
  }
}
