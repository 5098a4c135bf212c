import { IsIn, IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { parseTrustedProxies } from '../http/client-address';

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
}
