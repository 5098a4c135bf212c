// `npm run secrets:deploy`: prints fresh values for the bus's secrets (deploy/.env or the
// Kubernetes Secret): a NATS password per service and for the operator, every service's
// caller-signing key pair (CALLER_KEYS and <SERVICE>_CALLER_SIGNING_KEY), and the pair that seals
// agencies' credentials. Nothing is written; keep the output in your secret manager.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SERVICE_NAMES } from './lib/services.mjs';

const der = (key, type) => key.export({ format: 'der', type }).toString('base64');
const lines = [];
const publicKeys = [];
for (const user of [...SERVICE_NAMES, 'operator']) {
  lines.push(`${user.toUpperCase()}_NATS_PASSWORD=${randomBytes(24).toString('base64url')}`);
}
for (const service of SERVICE_NAMES) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  publicKeys.push(`${service}:${der(publicKey, 'spki')}`);
  lines.push(`${service.toUpperCase()}_CALLER_SIGNING_KEY=${der(privateKey, 'pkcs8')}`);
}
lines.push(`CALLER_KEYS=${publicKeys.join(',')}`);
const sealing = generateKeyPairSync('x25519');
lines.push(`CREDENTIALS_SEALING_PUBLIC_KEY=${der(sealing.publicKey, 'spki')}`);
lines.push(`CREDENTIALS_SEALING_KEY=${der(sealing.privateKey, 'pkcs8')}`);
console.log(lines.join('\n'));
