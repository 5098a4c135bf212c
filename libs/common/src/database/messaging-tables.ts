import { QueryRunner } from 'typeorm';

/**
 * The transactional outbox and the idempotent-consumer inbox every service keeps in its own
 * schema. Called from each service's first migration; a later change gets a new function
 * (`...V2`), so landed migrations never change behaviour.
 */
export async function createMessagingTablesV1(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      subject text NOT NULL,
      envelope jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await runner.query(`CREATE INDEX outbox_unpublished ON "${schema}".outbox (seq) WHERE published_at IS NULL`);
  await runner.query(`
    CREATE FUNCTION "${schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('${schema}_outbox', ''); RETURN NULL; END $$`);
  await runner.query(`
    CREATE TRIGGER outbox_notify AFTER INSERT ON "${schema}".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".notify_outbox()`);
  await runner.query(`
    CREATE TABLE "${schema}".inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      subject text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
}

export async function dropMessagingTablesV1(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".inbox`);
  await runner.query(`DROP TABLE "${schema}".outbox`);
  await runner.query(`DROP FUNCTION "${schema}".notify_outbox()`);
}
