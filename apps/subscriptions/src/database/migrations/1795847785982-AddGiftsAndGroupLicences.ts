import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddGiftsAndGroupLicences1795847785982 implements MigrationInterface {
  name = 'AddGiftsAndGroupLicences1795847785982';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subscriptions"."gifts" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "product_id" uuid NOT NULL, "months" integer NOT NULL, "purchaser_email" text NOT NULL, "recipient_email" text, "message" text, "payment_reference" text, "code_hash" bytea NOT NULL, "code_last4" text NOT NULL, "redeem_by" TIMESTAMP WITH TIME ZONE NOT NULL, "redeemed_at" TIMESTAMP WITH TIME ZONE, "redeemer_key" text, "redeemer_reader_id" text, "redeemer_email" text, "redeemed_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "gifts_months" CHECK ("months" BETWEEN 1 AND 36), CONSTRAINT "PK_54242922934e1f322861d116af7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "gifts_redeemer" ON "subscriptions"."gifts"  ("tenant_id", "redeemer_key") `);
    await queryRunner.query(`CREATE INDEX "gifts_tenant_created" ON "subscriptions"."gifts"  ("tenant_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "gifts_code" ON "subscriptions"."gifts"  ("code_hash") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."group_licence_invitations" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "licence_id" uuid NOT NULL, "email" text NOT NULL, "token_hash" bytea NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "member_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_44dd20813709ffeadcac33181fc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "group_licence_invitations_licence" ON "subscriptions"."group_licence_invitations"  ("tenant_id", "licence_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "group_licence_invitations_token" ON "subscriptions"."group_licence_invitations"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."group_licences" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "plan_id" uuid NOT NULL, "product_id" uuid NOT NULL, "seats" integer NOT NULL, "seats_used" integer NOT NULL DEFAULT '0', "email_domains" text array NOT NULL, "ip_ranges" text array NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "group_licences_seats" CHECK ("seats_used" >= 0 AND "seats_used" <= "seats"), CONSTRAINT "PK_a7ce07e7f228d6d9ca4252afe69" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "group_licences_tenant_created" ON "subscriptions"."group_licences"  ("tenant_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "subscriptions"."group_licence_members" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "licence_id" uuid NOT NULL, "reader_key" text NOT NULL, "reader_id" text, "email" text NOT NULL, "joined_by" text NOT NULL, "invitation_id" uuid, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d6c9b47a2f4bea3e06cd2b4736" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "group_licence_members_tenant_reader" ON "subscriptions"."group_licence_members"  ("tenant_id", "reader_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "group_licence_members_reader" ON "subscriptions"."group_licence_members"  ("licence_id", "reader_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "group_licence_members_email" ON "subscriptions"."group_licence_members"  ("licence_id", "email") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "subscriptions"."group_licence_members_email"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."group_licence_members_reader"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."group_licence_members_tenant_reader"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."group_licence_members"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."group_licences_tenant_created"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."group_licences"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."group_licence_invitations_token"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."group_licence_invitations_licence"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."group_licence_invitations"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."gifts_code"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."gifts_tenant_created"`);
    await queryRunner.query(`DROP INDEX "subscriptions"."gifts_redeemer"`);
    await queryRunner.query(`DROP TABLE "subscriptions"."gifts"`);
  }
}
