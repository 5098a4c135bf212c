import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const COMMITTED = join(__dirname, '..', 'docs', 'openapi.json');

describe('the OpenAPI document', () => {
  let suite: TestSuite;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway']);
  });

  afterAll(() => suite?.close());

  it('is committed as docs/openapi.json, as the gateway generates it (UPDATE_DOCS=1 npm test -- test/api-documents rewrites it)', async () => {
    const served = await new Api(await suite.gatewayUrl()).get('/openapi.json');
    const rendered = `${JSON.stringify(served.body, null, 2)}\n`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(COMMITTED, rendered);
    expect(existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '(missing)').toBe(rendered);
  });

  it('documents the problem format and both kinds of credential', async () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8')) as {
      components: { securitySchemes: Record<string, unknown> };
      info: { description: string };
    };
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'siteKey']);
    expect(doc.info.description).toContain('problem+json');
  });

  it.each(['openapi', 'asyncapi'])(
    'has no error under the recommended rules of a standard linter (npx redocly lint %s)',
    (api) => {
      const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'lint', api, '--format', 'json', '--max-problems', '1000'], {
        cwd: join(__dirname, '..'),
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        encoding: 'utf8',
      });
      const report = JSON.parse(run.stdout) as { problems: { ruleId: string; severity: string; message: string }[] };
      const errors = report.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => `${problem.ruleId}: ${problem.message}`);
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
