// The project brings its own Node 24 (the `node` package); the README commands may be started
// by an older system Node. Install dependencies when missing, then re-run under Node 24.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const projectNode = resolve(root, 'node_modules', '.bin', 'node');

export function ensureDependencies() {
  const stale = !existsSync(projectNode) || !existsSync(resolve(root, 'node_modules', '.package-lock.json'));
  if (stale) {
    console.log('> installing dependencies (npm ci)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  }
}

/**
 * Re-executes the current script under the project's Node 24 unless already on it; resolves
 * `true` when the caller is the Node 24 run and should carry on. Signals are passed through, so
 * stopping the outer process stops the inner one.
 */
export function reexecUnderNode24(script) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return Promise.resolve(true);
  const child = spawn(projectNode, [script, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  return new Promise(() => child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0))));
}

export { root };
