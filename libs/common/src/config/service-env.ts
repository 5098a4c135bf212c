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

  /** Longest a database statement may run before it fails (a statement timeout, not a hang). */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 30_000;

  /** Longest a transaction may sit idle before the server ends it and releases its locks. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 60_000;

  /** Longest a caller waits for a free pooled connection before failing. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_ACQUIRE_TIMEOUT_MS: number = 10_000;
}
