// Local secrets, made once and kept in .local/secrets.json (never committed); the environment wins.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './node24.mjs';
import { SERVICE_NAMES } from './services.mjs';

export const SECRETS_FILE = resolve(root, '.local', 'secrets.json');

/** A fresh key pair (`ed25519` signs callers, `x25519` seals credentials), both halves base64 DER. */
export const keyPair = (type) => {
  const { publicKey, privateKey } = generateKeyPairSync(type);
  return {
    public: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    private: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
};

/**
 * The suite's secrets: from the environment, else the file, else new ones (saved). Besides the
 * gateway's, subscriptions' and paywall's own, each service's NATS password and caller-signing
 * key pair, the operator's NATS password, and the payments service's pair that seals agencies'
 * credentials.
 */
export function localSecrets() {
  // A file made before Stripe's credentials moved to payments also has `credentialsSealing`
  // (subscriptions' own pair): it is no longer used, and left out when the file is written again.
  const saved = existsSync(SECRETS_FILE) ? JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) : {};
  const env = process.env;
  const secrets = {
    JWT_SECRET: env.JWT_SECRET ?? saved.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    OPERATOR_TOKEN: env.OPERATOR_TOKEN ?? saved.OPERATOR_TOKEN ?? `op_${randomBytes(32).toString('base64url')}`,
    CREDENTIALS_KEY: env.CREDENTIALS_KEY ?? saved.CREDENTIALS_KEY ?? randomBytes(32).toString('base64'),
    PAYWALL_TOKEN_KEYS:
      env.PAYWALL_TOKEN_KEYS ?? saved.PAYWALL_TOKEN_KEYS ?? `k1:${randomBytes(32).toString('base64')}`,
    ADVERTISING_TOKEN_KEYS:
      env.ADVERTISING_TOKEN_KEYS ?? saved.ADVERTISING_TOKEN_KEYS ?? `k1:${randomBytes(32).toString('base64')}`,
    natsPasswords: Object.fromEntries(
      [...SERVICE_NAMES, 'operator'].map((user) => [
        user,
        saved.natsPasswords?.[user] ?? randomBytes(24).toString('base64url'),
      ]),
    ),
    callerKeys: Object.fromEntries(
      SERVICE_NAMES.map((service) => [service, saved.callerKeys?.[service] ?? keyPair('ed25519')]),
    ),
    paymentsCredentialsSealing: saved.paymentsCredentialsSealing ?? keyPair('x25519'),
  };
  mkdirSync(resolve(root, '.local'), { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
