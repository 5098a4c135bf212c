import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordServiceOfAuditEntries1795852876809 implements MigrationInterface {
  name = 'RecordServiceOfAuditEntries1795852876809';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."audit_log" ADD "service" text NOT NULL DEFAULT 'gateway'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."audit_log" DROP COLUMN "service"`);
  }
}
