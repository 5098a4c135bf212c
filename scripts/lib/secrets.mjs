// Local secrets, made once and kept in .local/secrets.json (never committed); the environment wins.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './node24.mjs';

export const SECRETS_FILE = resolve(root, '.local', 'secrets.json');

/** The gateway's, subscriptions' and paywall's secrets: from the environment, else the file, else new ones (saved). */
export function localSecrets() {
  const saved = existsSync(SECRETS_FILE) ? JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) : {};
  const env = process.env;
  const secrets = {
    JWT_SECRET: env.JWT_SECRET ?? saved.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    OPERATOR_TOKEN: env.OPERATOR_TOKEN ?? saved.OPERATOR_TOKEN ?? `op_${randomBytes(32).toString('base64url')}`,
    CREDENTIALS_KEY: env.CREDENTIALS_KEY ?? saved.CREDENTIALS_KEY ?? randomBytes(32).toString('base64'),
    PAYWALL_TOKEN_KEYS:
      env.PAYWALL_TOKEN_KEYS ?? saved.PAYWALL_TOKEN_KEYS ?? `k1:${randomBytes(32).toString('base64')}`,
  };
  mkdirSync(resolve(root, '.local'), { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
