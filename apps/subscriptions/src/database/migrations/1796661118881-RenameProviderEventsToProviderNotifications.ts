import { MigrationInterface, QueryRunner } from 'typeorm';

export class RenameProviderEventsToProviderNotifications1796661118881 implements MigrationInterface {
  name = 'RenameProviderEventsToProviderNotifications1796661118881';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_events" RENAME TO "provider_notifications"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME COLUMN "provider_event_id" TO "provider_notification_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME COLUMN "event" TO "parsed"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME CONSTRAINT "PK_08188001fcf74e9b89683ca7680" TO "PK_4d3a4141cac35bdaaefb5403c8b"`);
    await queryRunner.query(`ALTER INDEX "subscriptions"."provider_events_pending" RENAME TO "provider_notifications_pending"`);
    await queryRunner.query(`UPDATE "subscriptions"."provider_notifications" SET "parsed" = ("parsed" - 'providerEventId') || jsonb_build_object('providerNotificationId', "parsed" -> 'providerEventId') WHERE "parsed" ? 'providerEventId'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "subscriptions"."provider_notifications" SET "parsed" = ("parsed" - 'providerNotificationId') || jsonb_build_object('providerEventId', "parsed" -> 'providerNotificationId') WHERE "parsed" ? 'providerNotificationId'`);
    await queryRunner.query(`ALTER INDEX "subscriptions"."provider_notifications_pending" RENAME TO "provider_events_pending"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME CONSTRAINT "PK_4d3a4141cac35bdaaefb5403c8b" TO "PK_08188001fcf74e9b89683ca7680"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME COLUMN "parsed" TO "event"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME COLUMN "provider_notification_id" TO "provider_event_id"`);
    await queryRunner.query(`ALTER TABLE "subscriptions"."provider_notifications" RENAME TO "provider_events"`);
  }
}
