import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountingPeriodsAndDailyTotals1795862896283 implements MigrationInterface {
  name = 'AccountingPeriodsAndDailyTotals1795862896283';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "finance"."accounting_periods" ("tenant_id" uuid NOT NULL, "starts_on" date NOT NULL, "status" text NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_by" text NOT NULL, "reopened_at" TIMESTAMP WITH TIME ZONE, "reopened_by" text, "reopen_reason" text, CONSTRAINT "accounting_periods_status" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "accounting_periods_first_of_month" CHECK (date_trunc('month', "starts_on") = "starts_on"), CONSTRAINT "PK_70a7dd81ff0e51dec3e8f0cce99" PRIMARY KEY ("tenant_id", "starts_on"))`);
    await queryRunner.query(`CREATE TABLE "finance"."account_day_totals" ("tenant_id" uuid NOT NULL, "account_id" uuid NOT NULL, "currency" character(3) NOT NULL, "day" date NOT NULL, "debits" bigint NOT NULL DEFAULT '0', "credits" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_ff78fb11ec0101b5b59664b4f2f" PRIMARY KEY ("tenant_id", "account_id", "currency", "day"))`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" ADD "dated_originally" date`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" ADD "late_reference" text`);
    await backfillDayTotals(queryRunner);
    await createPeriodLock(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPeriodLock(queryRunner);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" DROP COLUMN "late_reference"`);
    await queryRunner.query(`ALTER TABLE "finance"."journal_entries" DROP COLUMN "dated_originally"`);
    await queryRunner.query(`DROP TABLE "finance"."account_day_totals"`);
    await queryRunner.query(`DROP TABLE "finance"."accounting_periods"`);
  }
}

/* Written by hand, added to the generated statements (the generator knows no data, functions or triggers). */

/** The daily totals of the postings made before this migration, so balances as of a date cover all of history. */
async function backfillDayTotals(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`INSERT INTO "finance"."account_day_totals" (tenant_id, account_id, currency, day, debits, credits)
    SELECT p.tenant_id, p.account_id, p.currency, e.posted_on,
           coalesce(sum(p.amount) FILTER (WHERE p.amount > 0), 0), coalesce(-sum(p.amount) FILTER (WHERE p.amount < 0), 0)
    FROM "finance"."postings" p JOIN "finance"."journal_entries" e ON e.id = p.entry_id
    GROUP BY p.tenant_id, p.account_id, p.currency, e.posted_on`);
}

/*
 * A closed period accepts no postings dated inside it, and the database itself refuses them:
 * - first_open_day(tenant) answers the day after the agency's latest closed month (null while none
 *   is closed). It first takes the agency's period lock in shared mode, which every posting holds
 *   until it commits and a close or reopen takes exclusively: a close waits for the postings in
 *   flight, and a posting waits for the close, then (volatile function, READ COMMITTED: a fresh
 *   snapshot per statement) reads the period as the close left it.
 * - AFTER INSERT on journal_entries refuses entries dated before that day (the ledger service
 *   moves late facts to the first open day itself; this is the guard for every other writer).
 * - AFTER INSERT on postings refuses postings added to an entry dated before it.
 * Both run once per statement over its inserted rows (transition tables), once per agency in them:
 * the ledger inserts hundreds of entries in one statement.
 */
async function createPeriodLock(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`CREATE FUNCTION "finance"."first_open_day"(tenant uuid) RETURNS date LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(hashtext('finance.accounting_periods'), hashtext(tenant::text));
      RETURN (SELECT (max(p.starts_on) + interval '1 month')::date FROM "finance"."accounting_periods" p
              WHERE p.tenant_id = tenant AND p.status = 'closed');
    END $$`);
  await queryRunner.query(`CREATE FUNCTION "finance"."refuse_entry_in_closed_period"() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      late record;
    BEGIN
      SELECT i.posted_on, o.open_from INTO late
        FROM (SELECT tenant_id, min(posted_on) AS posted_on FROM inserted GROUP BY tenant_id) i
        CROSS JOIN LATERAL (SELECT "finance"."first_open_day"(i.tenant_id) AS open_from) o
        WHERE i.posted_on < o.open_from LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'journal entry dated % falls in a closed period (the books are closed before %)', late.posted_on, late.open_from
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$`);
  await queryRunner.query(`CREATE TRIGGER "journal_entries_in_open_period" AFTER INSERT ON "finance"."journal_entries" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "finance"."refuse_entry_in_closed_period"()`);
  await queryRunner.query(`CREATE FUNCTION "finance"."refuse_posting_in_closed_period"() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      late record;
    BEGIN
      SELECT e.id, e.posted_on INTO late
        FROM (SELECT DISTINCT entry_id FROM inserted) i JOIN "finance"."journal_entries" e ON e.id = i.entry_id
        JOIN (SELECT t.tenant_id, "finance"."first_open_day"(t.tenant_id) AS open_from FROM (SELECT DISTINCT tenant_id FROM inserted) t) o
          ON o.tenant_id = e.tenant_id
        WHERE e.posted_on < o.open_from LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'journal entry % is dated % in a closed period: it takes no more postings', late.id, late.posted_on
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$`);
  await queryRunner.query(`CREATE TRIGGER "postings_in_open_period" AFTER INSERT ON "finance"."postings" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "finance"."refuse_posting_in_closed_period"()`);
}

async function dropPeriodLock(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TRIGGER "postings_in_open_period" ON "finance"."postings"`);
  await queryRunner.query(`DROP FUNCTION "finance"."refuse_posting_in_closed_period"()`);
  await queryRunner.query(`DROP TRIGGER "journal_entries_in_open_period" ON "finance"."journal_entries"`);
  await queryRunner.query(`DROP FUNCTION "finance"."refuse_entry_in_closed_period"()`);
  await queryRunner.query(`DROP FUNCTION "finance"."first_open_day"(uuid)`);
}
