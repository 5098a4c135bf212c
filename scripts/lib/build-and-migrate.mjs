// Compiles everything into dist/ (scripts/build.mjs) and brings every service's schema up to date.
import { execFileSync } from 'node:child_process';
import { root } from './node24.mjs';

export function buildAndMigrate(databaseUrl) {
  console.log('> building');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  console.log('> migrating');
  execFileSync(process.execPath, ['dist/scripts/migrate.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}
