// Compiles apps, libs, scripts and benches with swc (aliases rewritten to relative paths) into dist/,
// and copies the data files the apps read beside their code.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(
  'npx',
  [
    'swc',
    'apps',
    'libs',
    'scripts',
    'bench',
    '-d',
    'dist',
    '--only',
    '**/*.ts',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts',
    '--quiet',
  ],
  { stdio: 'inherit' },
);

// Data files the code reads at run time beside itself: the pinned JSON-LD contexts (never fetched).
for (const file of readdirSync('apps', { recursive: true, encoding: 'utf8' }))
  if (/\/contexts\/[^/]+\.jsonld$/.test(file)) cpSync(`apps/${file}`, `dist/apps/${file}`);
