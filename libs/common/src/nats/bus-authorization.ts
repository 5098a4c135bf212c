import { BUS_OPERATOR, busPermissionsOf, SERVICES, ServiceName } from '@libs/contracts';

/** A bus user's password as written into the server's configuration: the value, or `$VARIABLE` to read it from the server's environment. */
export type PasswordSource = { value: string } | { variable: string };

export interface NatsServerConfigOptions {
  /** `host:port` the server listens on. */
  listen: string;
  /** JetStream's store. */
  storeDir: string;
  /** One password per service and one for the operator (scripts, tests, on-call). */
  passwords: Record<ServiceName | typeof BUS_OPERATOR, PasswordSource>;
  /** Certificate and key for TLS between hosts; omitted on one host. */
  tls?: { certFile: string; keyFile: string; caFile?: string };
  /** Largest message the server accepts (bytes). */
  maxPayload?: number;
}

const quote = (text: string) => JSON.stringify(text);
const list = (items: readonly string[]) => `[${items.map(quote).join(', ')}]`;
const password = (source: PasswordSource) => ('value' in source ? quote(source.value) : `$${source.variable}`);

/**
 * The `authorization` block admitting only the suite's own users, each with the permissions
 * `busPermissionsOf` derives from the contracts, and the operator with all of them. A client
 * without credentials cannot connect.
 */
export function renderNatsAuthorization(passwords: NatsServerConfigOptions['passwords']): string {
  const options = { passwords };
  const users = SERVICES.map((service) => {
    const { publish, subscribe } = busPermissionsOf(service);
    return [
      `    {`,
      `      user: ${quote(service)}, password: ${password(options.passwords[service])}`,
      `      permissions: {`,
      `        publish: { allow: ${list(publish)} }`,
      `        subscribe: { allow: ${list(subscribe)} }`,
      `      }`,
      `    }`,
    ].join('\n');
  });
  users.push(`    { user: ${quote(BUS_OPERATOR)}, password: ${password(options.passwords[BUS_OPERATOR])} }`);
  return [
    `# Generated from the contracts (busPermissionsOf): each service may publish, serve and read only its own.`,
    `authorization {`,
    `  users: [`,
    users.join('\n'),
    `  ]`,
    `}`,
    ``,
  ].join('\n');
}

/** The configuration of a NATS server with JetStream that admits only the suite's users. */
export function renderNatsServerConfig(options: NatsServerConfigOptions): string {
  const tls = options.tls
    ? [
        `tls {`,
        `  cert_file: ${quote(options.tls.certFile)}`,
        `  key_file: ${quote(options.tls.keyFile)}`,
        ...(options.tls.caFile ? [`  ca_file: ${quote(options.tls.caFile)}`] : []),
        `}`,
      ]
    : [];
  return [
    `listen: ${quote(options.listen)}`,
    ...(options.maxPayload ? [`max_payload: ${options.maxPayload}`] : []),
    `jetstream { store_dir: ${quote(options.storeDir)} }`,
    ...tls,
    renderNatsAuthorization(options.passwords),
  ].join('\n');
}
