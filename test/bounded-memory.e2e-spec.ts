import { randomBytes } from 'node:crypto';
import { ApiKeysService } from '../apps/gateway/src/api-keys/api-keys.service';
import { SitesService } from '../apps/gateway/src/sites/sites.service';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const CACHE_CAP = 500;
const GUESSES = 2_000;

describe('bounded memory: guessed credentials leave the gateway flat', () => {
  let suite: TestSuite;
  let api: Api;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway'], { CREDENTIAL_CACHE_MAX_ENTRIES: String(CACHE_CAP) });
    api = new Api(await suite.gatewayUrl());
  });

  afterAll(async () => {
    await suite?.close();
  });

  /** Sends `count` requests, 50 at a time, each with credentials of its own; answers their statuses. */
  async function guess(count: number, credentials: () => { bearer?: string; siteKey?: string }): Promise<Set<number>> {
    const statuses = new Set<number>();
    for (let sent = 0; sent < count; sent += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => api.as(credentials()).get('/v1/paywall/articles')),
      );
      for (const answer of answers) statuses.add(answer.status);
    }
    return statuses;
  }

  it('keeps at most CREDENTIAL_CACHE_MAX_ENTRIES API key misses whatever keys are guessed', async () => {
    const statuses = await guess(GUESSES, () => ({
      bearer: `sk_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`,
    }));
    expect([...statuses]).toEqual([401]);
    expect(suite.instances('gateway')[0].get(ApiKeysService).cachedLookups).toBe(CACHE_CAP);
  });

  it('keeps at most CREDENTIAL_CACHE_MAX_ENTRIES site key misses whatever keys are guessed', async () => {
    const statuses = await guess(GUESSES, () => ({ siteKey: `pk_${randomBytes(16).toString('base64url')}` }));
    expect([...statuses]).toEqual([401]);
    expect(suite.instances('gateway')[0].get(SitesService).cachedLookups).toBe(CACHE_CAP);
  });
});
