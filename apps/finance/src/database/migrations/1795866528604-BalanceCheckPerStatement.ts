import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Written by hand: no entity changes, only a ledger guard, which the generator cannot emit (TypeORM
 * has no metadata for triggers; see CreateLedger1795859512580).
 *
 * An entry balances per currency and the database still refuses, at commit, any that does not,
 * whoever writes it; the postings of one entry may still be inserted by several statements. What
 * changes is the cost: the constraint trigger ran one query per posting at commit (the largest part
 * of committing a batch of payments); now each INSERT statement on postings notes the entries it
 * touched (one row, from its transition table, in an unlogged table whose rows never outlive their
 * transaction), and a constraint trigger deferred to commit checks those entries with one set-based
 * query per statement, then removes the note. The unlogged table holds nothing between transactions,
 * so a crash, which aborts the transactions in flight, loses nothing it needs.
 */
export class BalanceCheckPerStatement1795866528604 implements MigrationInterface {
  name = 'BalanceCheckPerStatement1795866528604';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "postings_balance_per_entry" ON "finance"."postings"`);
    await queryRunner.query(`DROP FUNCTION "finance"."refuse_unbalanced_entry"()`);
    await queryRunner.query(`CREATE UNLOGGED TABLE "finance"."entries_to_check" ("id" bigserial PRIMARY KEY, "entry_ids" uuid[] NOT NULL)`);
    await queryRunner.query(`CREATE FUNCTION "finance"."note_entries_to_check"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "finance"."entries_to_check" (entry_ids) SELECT array_agg(DISTINCT i.entry_id) FROM inserted i HAVING count(*) > 0;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE TRIGGER "postings_note_entries_to_check" AFTER INSERT ON "finance"."postings" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "finance"."note_entries_to_check"()`);
    await queryRunner.query(`CREATE FUNCTION "finance"."refuse_unbalanced_entries"() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      unbalanced record;
    BEGIN
      SELECT p.entry_id, p.currency INTO unbalanced FROM "finance"."postings" p
        WHERE p.entry_id = ANY(NEW.entry_ids) GROUP BY p.entry_id, p.currency HAVING sum(p.amount) <> 0 LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'journal entry % does not balance in %', unbalanced.entry_id, unbalanced.currency
          USING ERRCODE = 'check_violation';
      END IF;
      DELETE FROM "finance"."entries_to_check" WHERE id = NEW.id;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "entries_balance_at_commit" AFTER INSERT ON "finance"."entries_to_check" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "finance"."refuse_unbalanced_entries"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "entries_balance_at_commit" ON "finance"."entries_to_check"`);
    await queryRunner.query(`DROP FUNCTION "finance"."refuse_unbalanced_entries"()`);
    await queryRunner.query(`DROP TRIGGER "postings_note_entries_to_check" ON "finance"."postings"`);
    await queryRunner.query(`DROP FUNCTION "finance"."note_entries_to_check"()`);
    await queryRunner.query(`DROP TABLE "finance"."entries_to_check"`);
    await queryRunner.query(`CREATE FUNCTION "finance"."refuse_unbalanced_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      unbalanced text;
    BEGIN
      SELECT p.currency INTO unbalanced FROM "finance"."postings" p
        WHERE p.entry_id = NEW.entry_id GROUP BY p.currency HAVING sum(p.amount) <> 0 LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'journal entry % does not balance in %', NEW.entry_id, unbalanced
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "postings_balance_per_entry" AFTER INSERT ON "finance"."postings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "finance"."refuse_unbalanced_entry"()`);
  }
}
