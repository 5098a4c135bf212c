import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, then the checks added by hand (the generator does not see a changed CHECK): the
 * rails' reports as import sources, the rail-ledger scope and the missing-at-rail kind.
 */
export class RailSettlements1796679281023 implements MigrationInterface {
  name = 'RailSettlements1796679281023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "finance"."rail_ledger_keys" ("tenant_id" uuid NOT NULL, "rail" text NOT NULL, "movement" text NOT NULL, "rail_transaction_id" text NOT NULL, "source_key" text NOT NULL, "entry_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "currency" character(3) NOT NULL, "amount" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "rail_ledger_keys_movement" CHECK ("movement" IN ('payment', 'refund')), CONSTRAINT "PK_45efe037cca92c729313bd5ffa7" PRIMARY KEY ("tenant_id", "rail", "movement", "rail_transaction_id"))`);
    await queryRunner.query(`CREATE INDEX "rail_ledger_keys_tenant_occurred" ON "finance"."rail_ledger_keys"  ("tenant_id", "occurred_at") `);
    await queryRunner.query(`CREATE TABLE "finance"."rail_report_lines" ("tenant_id" uuid NOT NULL, "rail" text NOT NULL, "movement" text NOT NULL, "rail_transaction_id" text NOT NULL, "order_id" text NOT NULL, "currency" character(3) NOT NULL, "amount" bigint NOT NULL, "fee" bigint NOT NULL, "net" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "settled_on" date, "settlement_batch" text, "import_id" uuid NOT NULL, CONSTRAINT "rail_report_lines_movement" CHECK ("movement" IN ('payment', 'refund')), CONSTRAINT "PK_cae87ac674e9d9a06355caf993e" PRIMARY KEY ("tenant_id", "rail", "movement", "rail_transaction_id"))`);
    await queryRunner.query(`CREATE INDEX "rail_report_lines_tenant_occurred" ON "finance"."rail_report_lines"  ("tenant_id", "occurred_at") `);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" ADD "rail" text`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" ADD "rail_transaction_id" text`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_imports" DROP CONSTRAINT "reconciliation_imports_source"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_imports" ADD CONSTRAINT "reconciliation_imports_source" CHECK ("source" IN ('stripe-api', 'stripe-csv', 'bank-csv', 'camt053', 'momo-csv', 'vnpay-csv', 'payos-csv'))`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" DROP CONSTRAINT "reconciliation_exceptions_kind"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" ADD CONSTRAINT "reconciliation_exceptions_kind" CHECK ("kind" IN ('missing-in-ledger', 'missing-at-stripe', 'missing-at-bank', 'missing-at-rail', 'amount-mismatch', 'currency-mismatch', 'duplicate'))`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" DROP CONSTRAINT "reconciliation_exceptions_scope"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" ADD CONSTRAINT "reconciliation_exceptions_scope" CHECK ("scope" IN ('stripe-ledger', 'payout-bank', 'rail-ledger'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" DROP CONSTRAINT "reconciliation_exceptions_scope"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" ADD CONSTRAINT "reconciliation_exceptions_scope" CHECK ("scope" IN ('stripe-ledger', 'payout-bank'))`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" DROP CONSTRAINT "reconciliation_exceptions_kind"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" ADD CONSTRAINT "reconciliation_exceptions_kind" CHECK ("kind" IN ('missing-in-ledger', 'missing-at-stripe', 'missing-at-bank', 'amount-mismatch', 'currency-mismatch', 'duplicate'))`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_imports" DROP CONSTRAINT "reconciliation_imports_source"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_imports" ADD CONSTRAINT "reconciliation_imports_source" CHECK ("source" IN ('stripe-api', 'stripe-csv', 'bank-csv', 'camt053'))`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" DROP COLUMN "rail_transaction_id"`);
    await queryRunner.query(`ALTER TABLE "finance"."reconciliation_exceptions" DROP COLUMN "rail"`);
    await queryRunner.query(`DROP INDEX "finance"."rail_report_lines_tenant_occurred"`);
    await queryRunner.query(`DROP TABLE "finance"."rail_report_lines"`);
    await queryRunner.query(`DROP INDEX "finance"."rail_ledger_keys_tenant_occurred"`);
    await queryRunner.query(`DROP TABLE "finance"."rail_ledger_keys"`);
  }
}
