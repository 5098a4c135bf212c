import { connect, ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import { inboxPrefixOf } from '@libs/contracts';

export interface NatsCredentials {
  user?: string;
  password?: string;
  /** CA certificate (PEM file) to verify the servers by, where the bus leaves the host (`tls://` URLs). */
  tlsCaFile?: string;
}

/**
 * Connection options for `servers` (comma-separated URLs, credentials allowed in them:
 * `nats://user:password@host:port`) as `credentials.user` or the URL's user. Replies come to an
 * inbox named after the user, the only inbox its permissions let it read.
 */
export function natsConnectionOptions(
  servers: string,
  name: string,
  credentials: NatsCredentials = {},
): ConnectionOptions {
  let user = credentials.user || undefined;
  let pass = credentials.password || undefined;
  const urls = servers
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((server) => {
      const url = new URL(server.replace(/^(nats|tls):/, 'http:'));
      if (url.username) {
        user ??= decodeURIComponent(url.username);
        pass ??= decodeURIComponent(url.password);
      }
      return `${server.split(':')[0]}://${url.host}`;
    });
  return {
    servers: urls,
    name,
    ...(user ? { user, pass, inboxPrefix: inboxPrefixOf(user) } : {}),
    ...(credentials.tlsCaFile ? { tls: { caFile: credentials.tlsCaFile } } : {}),
  };
}

export async function connectNats(
  servers: string,
  name: string,
  credentials: NatsCredentials = {},
): Promise<NatsConnection> {
  return connect({
    ...natsConnectionOptions(servers, name, credentials),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
}
