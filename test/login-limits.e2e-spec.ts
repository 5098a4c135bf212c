import { DataSource } from 'typeorm';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const PASSWORD = 'Correct-Horse-Battery-9';
const WRONG = 'Wrong-Password-1';
const MAX_FAILURES = 5;

interface Problem {
  status: number;
  type: string;
  title: string;
  detail: string;
  instance: string;
}

/** Console login behind a trusted proxy: each X-Forwarded-For is another client address. */
describe('login limits', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let gatewayDb: DataSource;
  let nextAddress = 1;

  const newAddress = () => `198.51.100.${nextAddress++}`;
  const login = (email: string, password: string, from = newAddress()) =>
    api.post<{ accessToken: string } & Problem>(
      '/v1/auth/login',
      { tenant: agency.slug, email, password },
      { 'x-forwarded-for': from },
    );

  async function newUser(email: string): Promise<string> {
    const created = await agency.api.post<{ id: string }>('/v1/users', {
      email,
      name: 'Trần Văn Minh',
      role: 'finance',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** The attempts whose password was checked: each wrong one is audited as a failure, each right one as a login. */
  async function evaluated(userId: string): Promise<{ failed: number; loggedIn: number }> {
    const rows: { action: string; count: string }[] = await gatewayDb.query(
      `SELECT action, count(*) AS count FROM gateway.audit_log
        WHERE (action = 'user.login-failed' AND target_id = $1)
           OR (action = 'user.logged-in' AND actor = 'user:' || $1)
        GROUP BY action`,
      [userId],
    );
    const count = (action: string) => Number(rows.find((row) => row.action === action)?.count ?? 0);
    return { failed: count('user.login-failed'), loggedIn: count('user.logged-in') };
  }

  const sameAnswer = (body: Problem) => ({ ...body, requestId: undefined });

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway'], {
      TRUSTED_PROXIES: '127.0.0.1',
      LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      LOGIN_RATE_LIMIT_PER_MINUTE: '10',
    });
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    gatewayDb = suite.instances('gateway')[0].get(DataSource);
  });

  afterAll(() => suite?.close());

  it('checks at most the allowed number of passwords when 20 wrong guesses and the right one come at once', async () => {
    const userId = await newUser('song-song@agency.vn');
    const attempts = [...Array.from({ length: 20 }, () => WRONG), PASSWORD];
    const answers = await Promise.all(attempts.map((password) => login('song-song@agency.vn', password)));
    const { failed, loggedIn } = await evaluated(userId);
    expect(loggedIn).toBe(answers.filter((answer) => answer.status === 200).length);
    expect(loggedIn).toBeLessThanOrEqual(1);
    // Without a success in between, no more than LOGIN_MAX_FAILURES guesses are ever checked.
    expect(failed).toBeLessThanOrEqual(MAX_FAILURES * (1 + loggedIn));
    expect(failed + loggedIn).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status !== 200).every((answer) => answer.status === 401)).toBe(true);
    // Every failure the database recorded counted towards the lock: none past the limit.
    const counts: { failures: number }[] = await gatewayDb.query(
      `SELECT (after->>'failures')::int AS failures FROM gateway.audit_log WHERE action = 'user.login-failed' AND target_id = $1`,
      [userId],
    );
    expect(counts.every((row) => row.failures <= MAX_FAILURES)).toBe(true);
  });

  it('answers a locked account exactly as an unknown one, right password or not', async () => {
    const userId = await newUser('bi-khoa@agency.vn');
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login('bi-khoa@agency.vn', WRONG)).status).toBe(401);
    const locked = await login('bi-khoa@agency.vn', PASSWORD);
    const lockedWrong = await login('bi-khoa@agency.vn', WRONG);
    const unknown = await login('khong-co@agency.vn', PASSWORD);
    expect(unknown.status).toBe(401);
    expect([locked.status, lockedWrong.status]).toEqual([401, 401]);
    expect(sameAnswer(locked.body)).toEqual(sameAnswer(unknown.body));
    expect(sameAnswer(lockedWrong.body)).toEqual(sameAnswer(unknown.body));
    // Neither attempt on the locked account had its password checked.
    expect(await evaluated(userId)).toEqual({ failed: MAX_FAILURES, loggedIn: 0 });
    const [{ locked_until: lockedUntil }]: { locked_until: Date | null }[] = await gatewayDb.query(
      'SELECT locked_until FROM gateway.users WHERE id = $1',
      [userId],
    );
    expect(lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('limits attempts per client address before any password is checked', async () => {
    const userId = await newUser('mot-dia-chi@agency.vn');
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login('nobody-here@agency.vn', WRONG, from)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await login('mot-dia-chi@agency.vn', PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await evaluated(userId)).toEqual({ failed: 0, loggedIn: 0 });
    expect((await login('mot-dia-chi@agency.vn', PASSWORD)).status).toBe(200);
  });
});
