import { IsIn, IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { parseTrustedProxies } from '../http/client-address';

/** The variables every service process reads; a service extends this with its own. */
export class ServiceEnv {
  /** This service's own database; its schema is the service's name. */
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = '';

  @Matches(/^(nats|tls):\/\/\S+(,\s*(nats|tls):\/\/\S+)*$/, { message: 'must be nats:// URLs, comma-separated' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** This service's NATS user; empty when NATS_URL carries the credentials (`nats://user:password@host`). */
  @IsString()
  NATS_USER: string = '';

  @IsString()
  NATS_PASSWORD: string = '';

  /** CA certificate (PEM file) the NATS servers' TLS certificates are verified by; empty on one host. */
  @IsString()
  NATS_TLS_CA_FILE: string = '';

  /**
   * The public keys of the services that sign callers: `<service>:<base64 SPKI DER Ed25519>`,
   * comma-separated. A request whose caller is not signed by one of them is refused.
   */
  @Matches(/^[a-z]+:[A-Za-z0-9+/=]+(,\s*[a-z]+:[A-Za-z0-9+/=]+)*$/, {
    message: 'must be <service>:<base64 public key> entries, comma-separated',
  })
  CALLER_KEYS: string = '';

  /** This service's Ed25519 private key (base64 PKCS#8 DER), to sign callers it originates; empty: it only relays. */
  @IsString()
  CALLER_SIGNING_KEY: string = '';

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

  /** Bytes each service's stream of facts (money, configuration) and the dead-letter stream may hold; when full, new events wait in their outbox. */
  @IsInt()
  @Min(1024 * 1024)
  EVENT_STREAM_MAX_BYTES: number = 512 * 1024 * 1024;

  /** Days a fact stays in its stream: as long as reconciliation and replays need it. */
  @IsInt()
  @Min(1)
  @Max(3650)
  EVENT_STREAM_MAX_AGE_DAYS: number = 400;

  /** Bytes the stream of high-volume counts (readers' reads, experiment impressions) may hold; when full, its oldest go. */
  @IsInt()
  @Min(1024 * 1024)
  READ_STREAM_MAX_BYTES: number = 1024 * 1024 * 1024;

  /** Days readers' reads and experiment impressions stay in their stream (they are stored by then). */
  @IsInt()
  @Min(1)
  @Max(365)
  READ_STREAM_MAX_AGE_DAYS: number = 7;

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

  /**
   * Who may say who the client is with X-Forwarded-For: empty (none; the socket's peer is the
   * client), a hop count (`1`: one ingress in front), or the proxies' addresses or CIDRs, comma-separated.
   */
  @ValidateBy({
    name: 'trustedProxies',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustedProxies(value) !== null,
      defaultMessage: () => 'must be empty, a hop count, or comma-separated addresses or CIDRs',
    },
  })
  TRUSTED_PROXIES: string = '';

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
