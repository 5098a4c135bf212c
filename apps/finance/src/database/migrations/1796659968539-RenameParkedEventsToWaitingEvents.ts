import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: the events finance holds back are "waiting events" along the whole path (route, code, table). */
export class RenameParkedEventsToWaitingEvents1796659968539 implements MigrationInterface {
  name = 'RenameParkedEventsToWaitingEvents1796659968539';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."parked_events" RENAME TO "waiting_events"`);
    await queryRunner.query(`ALTER TABLE "finance"."waiting_events" RENAME COLUMN "parked_at" TO "waiting_since"`);
    await queryRunner.query(`ALTER INDEX "finance"."parked_events_tenant_awaited" RENAME TO "waiting_events_tenant_awaited"`);
    await queryRunner.query(
      `ALTER TABLE "finance"."waiting_events" RENAME CONSTRAINT "PK_d1424d8c3af3c76dd93adf14477" TO "PK_3b8ef32b4690cdfdf9051f4726b"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "finance"."waiting_events" RENAME CONSTRAINT "PK_3b8ef32b4690cdfdf9051f4726b" TO "PK_d1424d8c3af3c76dd93adf14477"`,
    );
    await queryRunner.query(`ALTER INDEX "finance"."waiting_events_tenant_awaited" RENAME TO "parked_events_tenant_awaited"`);
    await queryRunner.query(`ALTER TABLE "finance"."waiting_events" RENAME COLUMN "waiting_since" TO "parked_at"`);
    await queryRunner.query(`ALTER TABLE "finance"."waiting_events" RENAME TO "parked_events"`);
  }
}
