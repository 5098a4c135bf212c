import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written as the generator writes it: a schedule names the rail payment that paid it, so that payment's refunds find it. */
export class RecognitionSchedulePayments1797300000000 implements MigrationInterface {
  name = 'RecognitionSchedulePayments1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."recognition_schedules" ADD "payment_id" uuid`);
    await queryRunner.query(`CREATE INDEX "recognition_schedules_tenant_payment" ON "finance"."recognition_schedules"  ("tenant_id", "payment_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "finance"."recognition_schedules_tenant_payment"`);
    await queryRunner.query(`ALTER TABLE "finance"."recognition_schedules" DROP COLUMN "payment_id"`);
  }
}
