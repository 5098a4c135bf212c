import { TestAgency } from './agencies';

export interface ForeignIdCase {
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST';
  /** OpenAPI path template, e.g. `/v1/sites/{id}`. */
  path: string;
  body?: unknown;
  /** An object of `owner`'s that the route addresses by id. */
  idOf(owner: TestAgency): Promise<string>;
}

async function firstId(agency: TestAgency, listPath: string): Promise<string> {
  const response = await agency.api.get<{ items: { id: string }[] }>(listPath);
  const id = response.body.items?.[0]?.id;
  if (!id) throw new Error(`${listPath} has nothing to address: ${JSON.stringify(response.body)}`);
  return id;
}

/**
 * Every route that takes an object id. Tenant A's credentials with tenant B's id must answer 404
 * and change nothing; a meta-test fails when a route with `{id}` is missing here.
 */
export const FOREIGN_ID_MATRIX: ForeignIdCase[] = [
  { method: 'GET', path: '/v1/tenants/{id}', idOf: async (owner) => owner.tenantId },
  { method: 'GET', path: '/v1/sites/{id}', idOf: (owner) => firstId(owner, '/v1/sites') },
  { method: 'PATCH', path: '/v1/sites/{id}', body: { name: 'taken over' }, idOf: (owner) => firstId(owner, '/v1/sites') },
  { method: 'GET', path: '/v1/api-keys/{id}', idOf: (owner) => firstId(owner, '/v1/api-keys') },
  { method: 'DELETE', path: '/v1/api-keys/{id}', idOf: (owner) => firstId(owner, '/v1/api-keys') },
  { method: 'GET', path: '/v1/users/{id}', idOf: (owner) => firstId(owner, '/v1/users') },
  { method: 'GET', path: '/v1/paywall/policies/{id}', idOf: (owner) => firstId(owner, '/v1/paywall/policies') },
  { method: 'GET', path: '/v1/advertising/ad-units/{id}', idOf: (owner) => firstId(owner, '/v1/advertising/ad-units') },
  { method: 'GET', path: '/v1/licensing/licence-offers/{id}', idOf: (owner) => firstId(owner, '/v1/licensing/licence-offers') },
  { method: 'GET', path: '/v1/finance/accounts/{id}', idOf: (owner) => firstId(owner, '/v1/finance/accounts') },
  { method: 'GET', path: '/v1/subscriptions/products/{id}', idOf: (owner) => firstId(owner, '/v1/subscriptions/products') },
  { method: 'GET', path: '/v1/subscriptions/plans/{id}', idOf: (owner) => firstId(owner, '/v1/subscriptions/plans') },
  { method: 'POST', path: '/v1/subscriptions/plans/{id}/prices', body: { unitAmount: '1' }, idOf: (owner) => firstId(owner, '/v1/subscriptions/plans') },
];

/** Every list route: tenant A's answer never holds an id of tenant B's. */
export const LIST_ROUTES = [
  '/v1/sites',
  '/v1/api-keys',
  '/v1/users',
  '/v1/audit-log',
  '/v1/paywall/policies',
  '/v1/advertising/ad-units',
  '/v1/licensing/licence-offers',
  '/v1/finance/accounts',
  '/v1/subscriptions/products',
  '/v1/subscriptions/plans',
];
