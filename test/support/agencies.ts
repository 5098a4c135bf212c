import { randomBytes } from 'node:crypto';
import { eventually } from '@libs/testing';
import { Api } from './api';

export interface TestAgency {
  tenantId: string;
  slug: string;
  adminKey: string;
  api: Api;
}

/** Registers an agency through the gateway as the operator, and answers its admin's client. */
export async function createAgency(
  api: Api,
  operatorToken: string,
  overrides: Record<string, unknown> = {},
): Promise<TestAgency> {
  const slug = `agency-${randomBytes(4).toString('hex')}`;
  const response = await api
    .as({ bearer: operatorToken })
    .post<{ tenant: { id: string }; adminApiKey: { secret: string } }>('/v1/tenants', {
      name: `Báo ${slug}`,
      slug,
      ...overrides,
    });
  if (response.status !== 201)
    throw new Error(`creating an agency answered ${response.status}: ${JSON.stringify(response.body)}`);
  const adminKey = response.body.adminApiKey.secret;
  return { tenantId: response.body.tenant.id, slug, adminKey, api: api.as({ bearer: adminKey }) };
}

/** Waits until every service has provisioned the agency's defaults. */
export async function awaitProvisioned(agency: TestAgency): Promise<void> {
  for (const path of [
    '/v1/paywall/policies',
    '/v1/advertising/ad-units',
    '/v1/licensing/licence-offers',
    '/v1/finance/accounts',
  ]) {
    await eventually(async () => {
      const response = await agency.api.get<{ items?: unknown[]; policies?: unknown[] }>(path);
      const provisioned = response.body?.items ?? response.body?.policies ?? [];
      if (response.status !== 200 || provisioned.length === 0)
        throw new Error(`${path} not provisioned: ${response.status}`);
    });
  }
  await eventually(async () => {
    const response = await agency.api.get('/v1/subscriptions/billing-settings');
    if (response.status !== 200) throw new Error(`billing settings not provisioned: ${response.status}`);
  });
}
