import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddJournalEntryDimensions1795862990580 implements MigrationInterface {
  name = 'AddJournalEntryDimensions1795862990580';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" ADD "stream" text`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" ADD "product_id" uuid`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" ADD "site_id" uuid`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" ADD "counterparty_id" uuid`);
    await queryRunner.query(`CREATE INDEX "journal_entries_tenant_counterparty" ON "finance"."journal_entries"  ("tenant_id", "counterparty_id") `);
    await queryRunner.query(`CREATE INDEX "journal_entries_tenant_stream_created" ON "finance"."journal_entries"  ("tenant_id", "stream", "created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "finance"."journal_entries_tenant_stream_created"`);
    await queryRunner.query(`DROP INDEX "finance"."journal_entries_tenant_counterparty"`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" DROP COLUMN "counterparty_id"`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" DROP COLUMN "site_id"`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" DROP COLUMN "product_id"`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" DROP COLUMN "stream"`);
  }
}
