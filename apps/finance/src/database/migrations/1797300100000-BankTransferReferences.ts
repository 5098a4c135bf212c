import { MigrationInterface, QueryRunner } from 'typeorm';

export class BankTransferReferences1797300100000 implements MigrationInterface {
  name = 'BankTransferReferences1797300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."bank_statement_lines" ADD "transfer_reference" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."bank_statement_lines" DROP COLUMN "transfer_reference"`);
  }
}
