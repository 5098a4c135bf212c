import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceEnv } from '../config/service-env';
import { SERVICE_OPTIONS } from '../nats/tokens';
import { RetentionRule, RetentionSchedule } from '../service/retention-schedule';
import type { ServiceOptions } from '../service/service-options';

/**
 * Every service's outbox and inbox kept bounded: outbox rows once published and older than
 * `OUTBOX_RETENTION_DAYS` (an unpublished row is never deleted), inbox rows older than
 * `INBOX_RETENTION_DAYS` (longer than JetStream keeps redelivering an event, so a late
 * redelivery still finds its row).
 */
@Injectable()
export class MessagingRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(dataSource: DataSource, env: ServiceEnv, @Inject(SERVICE_OPTIONS) options: ServiceOptions) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    const schema = options.service;
    this.rules = [
      {
        what: 'published outbox rows',
        deleteBatch: async (limit) => {
          const [, deleted] = (await dataSource.query(
            `DELETE FROM "${schema}".outbox WHERE seq IN (
               SELECT seq FROM "${schema}".outbox
               WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1)
               ORDER BY seq LIMIT $2)`,
            [env.OUTBOX_RETENTION_DAYS, limit],
          )) as [unknown, number];
          return deleted;
        },
      },
      {
        what: 'inbox rows',
        deleteBatch: async (limit) => {
          const [, deleted] = (await dataSource.query(
            `DELETE FROM "${schema}".inbox WHERE (consumer, event_id) IN (
               SELECT consumer, event_id FROM "${schema}".inbox
               WHERE processed_at < now() - make_interval(days => $1) LIMIT $2)`,
            [env.INBOX_RETENTION_DAYS, limit],
          )) as [unknown, number];
          return deleted;
        },
      },
    ];
  }
}
