import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** The variables every service process reads; a service extends this with its own. */
export class ServiceEnv {
  /** This service's own database; its schema is the service's name. */
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = '';

  @Matches(/^(nats|tls):\/\/\S+(,\s*(nats|tls):\/\/\S+)*$/, { message: 'must be nats:// URLs, comma-separated' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 0;

  @IsString()
  HTTP_HOST: string = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Deadline of every NATS request this process makes. */
  @IsInt()
  @Min(100)
  @Max(120000)
  RPC_TIMEOUT_MS: number = 5000;

  /** Replicas of the JetStream streams this service creates: 1 on one machine, 3 in a cluster. */
  @IsInt()
  @Min(1)
  @Max(5)
  JETSTREAM_REPLICAS: number = 1;

  /** Deliveries of one event before it goes to the dead-letter subject. */
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_MAX_DELIVER: number = 5;

  /** How long an event handed to a consumer may stay unacknowledged before JetStream redelivers it (a crashed instance's events). */
  @IsInt()
  @Min(1000)
  @Max(600000)
  EVENT_ACK_WAIT_MS: number = 30000;

  /** How often each instance deletes rows past their retention (outbox, inbox, and each service's own). */
  @IsInt()
  @Min(1)
  @Max(86_400)
  RETENTION_SWEEP_INTERVAL_S: number = 3600;

  /** Days a published outbox row is kept (unpublished rows are never deleted). */
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTBOX_RETENTION_DAYS: number = 7;

  /** Days an inbox row (an event applied) is kept; keep it longer than events can be redelivered or replayed. */
  @IsInt()
  @Min(1)
  @Max(3650)
  INBOX_RETENTION_DAYS: number = 30;
}
