// The six services, their HTTP ports and the environment `npm start` and `npm run dev` give each.

export const SERVICES = [
  ['gateway', 3000],
  ['paywall', 3001],
  ['subscriptions', 3002],
  ['advertising', 3003],
  ['licensing', 3004],
  ['finance', 3005],
];

export const SERVICE_NAMES = SERVICES.map(([service]) => service);

/** The HTTP port of `service`: `<SERVICE>_PORT` when set, else its default above. */
export function servicePort(service) {
  const [, port] = SERVICES.find(([name]) => name === service);
  return Number(process.env[`${service.toUpperCase()}_PORT`] ?? port);
}

/**
 * The environment of one service process: the caller's, the local secrets, its database
 * (`<SERVICE>_DATABASE_URL` or the shared one), NATS and its port.
 */
export function serviceEnv(service, { databaseUrl, natsUrl, secrets }) {
  return {
    ...process.env,
    ...secrets,
    DATABASE_URL: process.env[`${service.toUpperCase()}_DATABASE_URL`] ?? databaseUrl,
    NATS_URL: natsUrl,
    HTTP_PORT: String(servicePort(service)),
  };
}
