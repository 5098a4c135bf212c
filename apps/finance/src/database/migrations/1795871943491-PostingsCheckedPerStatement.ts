import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Generated (the two foreign keys of postings dropped), then the guard that replaces them added by
 * hand (TypeORM has no metadata for triggers; see CreateLedger1795859512580).
 *
 * A posting's entry and account were checked by foreign keys: two index lookups per row, each
 * locking the row it found (FOR KEY SHARE), which was a third of inserting a batch of postings.
 * One statement-level trigger now checks each INSERT on postings as a set: every entry exists and
 * is the posting's agency's (the foreign key did not compare agencies), is not dated in a closed
 * month, and every account exists and is the agency's. It locks the few accounts named (as the
 * foreign key did), and an account with postings can still not be deleted. Entries need no lock:
 * the database refuses to delete one. The same trigger notes the entries whose balance is checked
 * at commit, so the postings are read once per statement instead of three times.
 */
export class PostingsCheckedPerStatement1795871943491 implements MigrationInterface {
  name = 'PostingsCheckedPerStatement1795871943491';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "finance"."postings" DROP CONSTRAINT "FK_0569b3f908fc1a0ebe00ba6f520"`);
    await queryRunner.query(`ALTER TABLE "finance"."postings" DROP CONSTRAINT "FK_ac1cc8f2427d2c734232fffc10b"`);
    await queryRunner.query(`DROP TRIGGER "postings_in_open_period" ON "finance"."postings"`);
    await queryRunner.query(`DROP TRIGGER "postings_note_entries_to_check" ON "finance"."postings"`);
    await queryRunner.query(`CREATE FUNCTION "finance"."check_inserted_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      refused record;
    BEGIN
      SELECT i.entry_id, e.id IS NULL AS missing, e.posted_on INTO refused
        FROM (SELECT DISTINCT entry_id, tenant_id FROM inserted) i
        LEFT JOIN "finance"."journal_entries" e ON e.id = i.entry_id AND e.tenant_id = i.tenant_id
        LEFT JOIN (SELECT t.tenant_id, "finance"."first_open_day"(t.tenant_id) AS open_from FROM (SELECT DISTINCT tenant_id FROM inserted) t) o
          ON o.tenant_id = i.tenant_id
        WHERE e.id IS NULL OR e.posted_on < o.open_from LIMIT 1;
      IF FOUND AND refused.missing THEN
        RAISE EXCEPTION 'a posting names journal entry %, which its agency does not have', refused.entry_id
          USING ERRCODE = 'foreign_key_violation';
      ELSIF FOUND THEN
        RAISE EXCEPTION 'journal entry % is dated % in a closed period: it takes no more postings', refused.entry_id, refused.posted_on
          USING ERRCODE = 'check_violation';
      END IF;
      SELECT i.account_id INTO refused
        FROM (SELECT DISTINCT account_id, tenant_id FROM inserted) i
        LEFT JOIN "finance"."accounts" a ON a.id = i.account_id AND a.tenant_id = i.tenant_id
        WHERE a.id IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'a posting names account %, which its agency does not have', refused.account_id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      PERFORM FROM "finance"."accounts" a WHERE a.id IN (SELECT DISTINCT account_id FROM inserted) FOR KEY SHARE;
      INSERT INTO "finance"."entries_to_check" (entry_ids) SELECT array_agg(DISTINCT i.entry_id) FROM inserted i HAVING count(*) > 0;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE TRIGGER "postings_checked" AFTER INSERT ON "finance"."postings" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "finance"."check_inserted_postings"()`);
    // After the row is gone (and any posting insert holding it has committed), so a posting committed meanwhile is seen.
    await queryRunner.query(`CREATE FUNCTION "finance"."refuse_deleting_account_with_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT FROM "finance"."postings" p WHERE p.account_id = OLD.id) THEN
        RAISE EXCEPTION 'account % has postings: it is never deleted', OLD.code USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE TRIGGER "accounts_with_postings_kept" AFTER DELETE ON "finance"."accounts" FOR EACH ROW EXECUTE FUNCTION "finance"."refuse_deleting_account_with_postings"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "accounts_with_postings_kept" ON "finance"."accounts"`);
    await queryRunner.query(`DROP FUNCTION "finance"."refuse_deleting_account_with_postings"()`);
    await queryRunner.query(`DROP TRIGGER "postings_checked" ON "finance"."postings"`);
    await queryRunner.query(`DROP FUNCTION "finance"."check_inserted_postings"()`);
    await queryRunner.query(`CREATE TRIGGER "postings_note_entries_to_check" AFTER INSERT ON "finance"."postings" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "finance"."note_entries_to_check"()`);
    await queryRunner.query(`CREATE TRIGGER "postings_in_open_period" AFTER INSERT ON "finance"."postings" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "finance"."refuse_posting_in_closed_period"()`);
    await queryRunner.query(`ALTER TABLE "finance"."postings" ADD CONSTRAINT "FK_ac1cc8f2427d2c734232fffc10b" FOREIGN KEY ("account_id") REFERENCES "finance"."accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "finance"."postings" ADD CONSTRAINT "FK_0569b3f908fc1a0ebe00ba6f520" FOREIGN KEY ("entry_id") REFERENCES "finance"."journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }
}
