// `npm run secrets:deploy`: prints fresh values for the bus's secrets (deploy/.env or the
// Kubernetes Secret): a NATS password per service and for the operator, every service's
// caller-signing key pair (CALLER_KEYS and <SERVICE>_CALLER_SIGNING_KEY), and the pair that seals
// agencies' Stripe and rail credentials to payments. Nothing is written; keep the output in your
// secret manager.
import { randomBytes } from 'node:crypto';
import { keyPair } from './lib/secrets.mjs';
import { SERVICE_NAMES } from './lib/services.mjs';

const lines = [];
const publicKeys = [];
for (const user of [...SERVICE_NAMES, 'operator']) {
  lines.push(`${user.toUpperCase()}_NATS_PASSWORD=${randomBytes(24).toString('base64url')}`);
}
for (const service of SERVICE_NAMES) {
  const pair = keyPair('ed25519');
  publicKeys.push(`${service}:${pair.public}`);
  lines.push(`${service.toUpperCase()}_CALLER_SIGNING_KEY=${pair.private}`);
}
lines.push(`CALLER_KEYS=${publicKeys.join(',')}`);
const paymentsSealing = keyPair('x25519');
lines.push(`PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY=${paymentsSealing.public}`);
lines.push(`PAYMENTS_CREDENTIALS_SEALING_KEY=${paymentsSealing.private}`);
console.log(lines.join('\n'));
