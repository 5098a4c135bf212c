import { DataSource } from 'typeorm';
import { createServiceDataSource } from '@libs/common';
import { createTestDatabase, TestDatabase } from '@libs/testing';

describe("a service's database time limits", () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createServiceDataSource({
      url: database.url,
      schema: 'subscriptions',
      entities: [],
      migrations: [],
      poolSize: 1,
      timeouts: { statementMs: 200, idleInTransactionMs: 300, acquireMs: 200 },
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('fails a statement that runs over its limit with a clear error instead of hanging', async () => {
    await expect(dataSource.query('SELECT pg_sleep(30)')).rejects.toThrow(/statement timeout/);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('fails a caller waiting for a pooled connection when none frees up in time', async () => {
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    try {
      await expect(dataSource.query('SELECT 1')).rejects.toThrow(/timeout exceeded when trying to connect/);
    } finally {
      await holder.release();
    }
  });

  it('has the server end a transaction left idle', async () => {
    const [{ idle_in_transaction_session_timeout: idle }] = await dataSource.query<
      { idle_in_transaction_session_timeout: string }[]
    >('SHOW idle_in_transaction_session_timeout');
    expect(idle).toBe('300ms');
  });
});
