import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the clearing accounts of the payment rails (1110 MoMo, 1120 VNPay, 1130 payOS)
 * and 2400 Unapplied receipts joined the default chart, so agencies provisioned before get them
 * too. Data, not schema: the migration check does not see it.
 */
export class AddPaymentRailAccounts1796678048157 implements MigrationInterface {
  name = 'AddPaymentRailAccounts1796678048157';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "finance"."accounts" ("tenant_id", "code", "name", "type", "system")
      SELECT t."tenant_id", a."code", a."name", a."type", true
        FROM (SELECT DISTINCT "tenant_id" FROM "finance"."accounts") t
       CROSS JOIN (VALUES ('1110', 'MoMo clearing', 'asset'), ('1120', 'VNPay clearing', 'asset'),
                          ('1130', 'payOS clearing', 'asset'), ('2400', 'Unapplied receipts', 'liability'))
             AS a("code", "name", "type")
      ON CONFLICT ("tenant_id", "code") DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "finance"."accounts" a
      WHERE a."code" IN ('1110', '1120', '1130', '2400') AND a."system"
        AND NOT EXISTS (SELECT 1 FROM "finance"."postings" p WHERE p."account_id" = a."id")`);
  }
}
