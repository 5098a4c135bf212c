import { randomUUID } from 'node:crypto';
import { eventually } from '@libs/testing';
import { AccountsService } from '../apps/finance/src/accounts/accounts.service';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';
import { defaultAccountsFor } from '../apps/finance/src/accounts/default-accounts';

/** How many accounts a new agency's chart starts with. */
const DEFAULT_CHART_SIZE = defaultAccountsFor(randomUUID()).length;

describe('two instances of one service', () => {
  let suite: TestSuite;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    await suite.startInstance('finance');
  });

  afterAll(() => suite?.close());

  it('share requests through the queue group, and process each event once between them', async () => {
    const [first, second] = suite.instances('finance');
    const calls = [jest.spyOn(first.get(AccountsService), 'list'), jest.spyOn(second.get(AccountsService), 'list')];
    const agency = await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
    await eventually(async () =>
      expect((await agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items).toHaveLength(
        DEFAULT_CHART_SIZE,
      ),
    );
    calls.forEach((spy) => spy.mockClear());
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')),
    );
    expect(answers.every((a) => a.status === 200 && a.body.items.length === DEFAULT_CHART_SIZE)).toBe(true);
    expect(calls[0].mock.calls.length + calls[1].mock.calls.length).toBe(40);
    expect(calls[0].mock.calls.length).toBeGreaterThan(0);
    expect(calls[1].mock.calls.length).toBeGreaterThan(0);
  });

  it('keeps answering when one instance stops', async () => {
    const agency = await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
    await eventually(async () =>
      expect((await agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items).toHaveLength(
        DEFAULT_CHART_SIZE,
      ),
    );
    const [first] = suite.instances('finance');
    await first.close();
    const answers = await Promise.all(Array.from({ length: 10 }, () => agency.api.get('/v1/finance/accounts')));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  });
});
