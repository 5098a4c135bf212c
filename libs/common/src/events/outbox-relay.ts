import { Logger } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { JetStreamClient } from '@nats-io/jetstream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MessageHeader } from '@libs/contracts';
import { WorkLoop } from '../service/work-loop';

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  envelope: { tenantId: string };
  headers: { requestId?: string; actor?: string };
}

const BATCH = 200;
const IDLE_POLL_MS = 1000;

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = outbox id, so a row
 * published twice (crash between publish and mark) is dropped by the stream's duplicate window.
 * Woken by NOTIFY on insert; polls as a fallback. Several instances share the work through
 * `FOR UPDATE SKIP LOCKED`.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: WorkLoop;
  private listener?: Client;

  constructor(
    private readonly schema: string,
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly databaseUrl: string,
  ) {
    this.loop = new WorkLoop(
      async () => (await this.publishBatch()) === BATCH,
      IDLE_POLL_MS,
      (error) => this.logger.warn(`outbox relay: ${error.message}; retrying`),
    );
  }

  async start(): Promise<void> {
    this.listener = new Client({ connectionString: this.databaseUrl, application_name: `${this.schema}-outbox` });
    this.listener.on('notification', () => this.loop.wake());
    this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
    await this.listener.connect();
    await this.listener.query(`LISTEN "${this.schema}_outbox"`);
    this.loop.start();
  }

  /** Publishes what is pending, then stops. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.publishBatch().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT seq, id, subject, envelope, headers FROM "${this.schema}".outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      for (const row of rows) {
        const h = natsHeaders();
        h.set(MessageHeader.tenantId, row.envelope.tenantId);
        if (row.headers.requestId) h.set(MessageHeader.requestId, row.headers.requestId);
        if (row.headers.actor) h.set(MessageHeader.actor, row.headers.actor);
        await this.js.publish(row.subject, JSON.stringify(row.envelope), { msgID: row.id, headers: h });
      }
      await tx.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
  }
}
