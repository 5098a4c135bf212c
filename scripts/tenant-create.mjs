// `npm run tenant:create -- --name "Báo Tin Nhanh" --slug tin-nhanh [--currency VND]
//   [--time-zone Asia/Ho_Chi_Minh] [--locale vi]`: registers an agency through the running
// gateway as the platform operator and prints its first admin API key (shown once).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    slug: { type: 'string' },
    currency: { type: 'string', default: 'VND' },
    'time-zone': { type: 'string', default: 'Asia/Ho_Chi_Minh' },
    locale: { type: 'string', default: 'vi' },
    gateway: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' },
  },
});
if (!values.name || !values.slug) {
  console.error(
    'usage: npm run tenant:create -- --name "Báo Tin Nhanh" --slug tin-nhanh [--currency VND] [--time-zone Asia/Ho_Chi_Minh] [--locale vi]',
  );
  process.exit(2);
}
const secretsFile = resolve(import.meta.dirname, '..', '.local', 'secrets.json');
const operatorToken =
  process.env.OPERATOR_TOKEN ??
  (existsSync(secretsFile) ? JSON.parse(readFileSync(secretsFile, 'utf8')).OPERATOR_TOKEN : undefined);
if (!operatorToken) {
  console.error('set OPERATOR_TOKEN (npm start keeps the local one in .local/secrets.json)');
  process.exit(2);
}
const response = await fetch(`${values.gateway}/v1/tenants`, {
  method: 'POST',
  headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
  body: JSON.stringify({
    name: values.name,
    slug: values.slug,
    defaultCurrency: values.currency,
    timeZone: values['time-zone'],
    locale: values.locale,
  }),
}).catch((error) => {
  console.error(`cannot reach the gateway at ${values.gateway} (is npm start running?): ${error.message}`);
  process.exit(1);
});
const body = await response.json();
if (response.status !== 201) {
  console.error(`refused (${response.status}): ${body.detail ?? JSON.stringify(body)}`);
  for (const e of body.errors ?? []) console.error(`  ${e.field}: ${e.message}`);
  process.exit(1);
}
console.log(`agency ${body.tenant.slug} (${body.tenant.id}) registered`);
console.log(`admin API key (shown once, keep it safe): ${body.adminApiKey.secret}`);
