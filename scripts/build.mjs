// Compiles apps, libs, scripts and benches with swc (aliases rewritten to relative paths) into dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

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
