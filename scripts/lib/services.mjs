// The seven services, their HTTP ports and the environment `npm start` and `npm run dev` give each.

export const SERVICES = [
  ['gateway', 3000],
  ['paywall', 3001],
  ['subscriptions', 3002],
  ['payments', 3006],
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
 * The environment of one service process: the caller's, the shared secrets, its database
 * (`<SERVICE>_DATABASE_URL` or the shared one), its own NATS user (unless NATS_URL carries
 * credentials), its own caller-signing key, and its port.
 */
export function serviceEnv(service, { databaseUrl, natsUrl, secrets }) {
  const { natsPasswords, callerKeys, paymentsCredentialsSealing, ...shared } = secrets;
  const natsHasCredentials = natsUrl.includes('@');
  return {
    ...process.env,
    ...shared,
    DATABASE_URL: process.env[`${service.toUpperCase()}_DATABASE_URL`] ?? databaseUrl,
    NATS_URL: natsUrl,
    ...(natsHasCredentials ? {} : { NATS_USER: service, NATS_PASSWORD: natsPasswords[service] }),
    CALLER_KEYS: Object.entries(callerKeys)
      .map(([signer, pair]) => `${signer}:${pair.public}`)
      .join(','),
    CALLER_SIGNING_KEY: callerKeys[service].private,
    // The gateway seals agencies' Stripe and rail credentials to payments; subscriptions seals to
    // it the Stripe accounts it held before, to hand them over; payments opens them.
    ...(service === 'gateway' || service === 'subscriptions'
      ? { PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY: paymentsCredentialsSealing.public }
      : {}),
    ...(service === 'payments' ? { CREDENTIALS_SEALING_KEY: paymentsCredentialsSealing.private } : {}),
    HTTP_PORT: String(servicePort(service)),
  };
}
