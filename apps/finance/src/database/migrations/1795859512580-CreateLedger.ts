import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLedger1795859512580 implements MigrationInterface {
  name = 'CreateLedger1795859512580';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "finance"."account_balances" ("tenant_id" uuid NOT NULL, "account_id" uuid NOT NULL, "currency" character(3) NOT NULL, "debits" bigint NOT NULL DEFAULT '0', "credits" bigint NOT NULL DEFAULT '0', "balance" bigint NOT NULL, CONSTRAINT "PK_b584f2d17e6f0868d5a0489dab9" PRIMARY KEY ("tenant_id", "account_id", "currency"))`);
    await queryRunner.query(`CREATE TABLE "finance"."journal_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "source_key" text NOT NULL, "posted_on" date NOT NULL, "description" text NOT NULL, "reverses_entry_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "journal_entries_tenant_source_key" UNIQUE ("tenant_id", "source_key"), CONSTRAINT "PK_a70368e64230434457c8d007ab3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "journal_entries_reverses_entry" ON "finance"."journal_entries"  ("reverses_entry_id") `);
    await queryRunner.query(`CREATE INDEX "journal_entries_tenant_created" ON "finance"."journal_entries"  ("tenant_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "finance"."postings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "account_id" uuid NOT NULL, "currency" character(3) NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "postings_amount_not_zero" CHECK ("amount" <> 0), CONSTRAINT "PK_6bdb1a5dc47d018aa7877aa9ffb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "postings_entry" ON "finance"."postings"  ("entry_id") `);
    await queryRunner.query(`ALTER TABLE "finance"."postings" ADD CONSTRAINT "FK_0569b3f908fc1a0ebe00ba6f520" FOREIGN KEY ("entry_id") REFERENCES "finance"."journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "finance"."postings" ADD CONSTRAINT "FK_ac1cc8f2427d2c734232fffc10b" FOREIGN KEY ("account_id") REFERENCES "finance"."accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await createLedgerGuards(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropLedgerGuards(queryRunner);
    await queryRunner.query(`ALTER TABLE "finance"."postings" DROP CONSTRAINT "FK_ac1cc8f2427d2c734232fffc10b"`);
    await queryRunner.query(`ALTER TABLE "finance"."postings" DROP CONSTRAINT "FK_0569b3f908fc1a0ebe00ba6f520"`);
    await queryRunner.query(`DROP INDEX "finance"."postings_entry"`);
    await queryRunner.query(`DROP TABLE "finance"."postings"`);
    await queryRunner.query(`DROP INDEX "finance"."journal_entries_tenant_created"`);
    await queryRunner.query(`DROP INDEX "finance"."journal_entries_reverses_entry"`);
    await queryRunner.query(`DROP TABLE "finance"."journal_entries"`);
    await queryRunner.query(`DROP TABLE "finance"."account_balances"`);
  }
}

/*
 * Written by hand, added to the generated statements: the ledger's invariants are kept by the
 * database itself, and TypeORM has no entity metadata for triggers, so the generator cannot emit
 * them (nor does the migration check compare them).
 * - Posted rows are immutable: BEFORE UPDATE OR DELETE triggers on journal_entries and postings
 *   raise an exception; mistakes are corrected by reversing entries.
 * - An entry balances: a constraint trigger, DEFERRABLE INITIALLY DEFERRED, runs at commit for each
 *   inserted posting and refuses the transaction when the postings of that posting's entry do not
 *   sum to zero in some currency (deferred, so the postings of one entry may be inserted one by one).
 */
async function createLedgerGuards(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`CREATE FUNCTION "finance"."refuse_change_of_posted_row"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'finance.% rows are never changed once posted: post a reversing entry', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
    END $$`);
  await queryRunner.query(`CREATE TRIGGER "journal_entries_immutable" BEFORE UPDATE OR DELETE ON "finance"."journal_entries" FOR EACH ROW EXECUTE FUNCTION "finance"."refuse_change_of_posted_row"()`);
  await queryRunner.query(`CREATE TRIGGER "postings_immutable" BEFORE UPDATE OR DELETE ON "finance"."postings" FOR EACH ROW EXECUTE FUNCTION "finance"."refuse_change_of_posted_row"()`);
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

async function dropLedgerGuards(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TRIGGER "postings_balance_per_entry" ON "finance"."postings"`);
  await queryRunner.query(`DROP FUNCTION "finance"."refuse_unbalanced_entry"()`);
  await queryRunner.query(`DROP TRIGGER "postings_immutable" ON "finance"."postings"`);
  await queryRunner.query(`DROP TRIGGER "journal_entries_immutable" ON "finance"."journal_entries"`);
  await queryRunner.query(`DROP FUNCTION "finance"."refuse_change_of_posted_row"()`);
}
