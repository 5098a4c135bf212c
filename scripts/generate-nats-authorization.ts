import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNatsAuthorization } from '@libs/common';
import { BUS_OPERATOR, SERVICES } from '@libs/contracts';

/**
 * `npm run nats:authorization`: writes deploy/k8s/nats-authorization.conf, the bus users and
 * their permissions for deployed NATS servers, each password read from the server's environment
 * (`<SERVICE>_NATS_PASSWORD`, `OPERATOR_NATS_PASSWORD`). A test keeps it current.
 */
export function renderDeployedNatsAuthorization(): string {
  const passwords = Object.fromEntries(
    [...SERVICES, BUS_OPERATOR].map((user) => [user, { variable: `${user.toUpperCase()}_NATS_PASSWORD` }]),
  ) as Parameters<typeof renderNatsAuthorization>[0];
  return renderNatsAuthorization(passwords);
}

if (require.main === module) {
  writeFileSync(join(process.cwd(), 'deploy', 'k8s', 'nats-authorization.conf'), renderDeployedNatsAuthorization());
  console.log('wrote deploy/k8s/nats-authorization.conf');
}
