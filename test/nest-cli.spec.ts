import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

// nest-cli.json drives `nest build|start <project>` and `npm run dev -- <service>`: it must name every
// app and lib, and what it builds must land where `npm start` runs it (dist/<sourceRoot>/<entryFile>.js).
const root = join(__dirname, '..');

interface Project {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
  entryFile: string;
}
interface NestCliConfig {
  monorepo: boolean;
  compilerOptions: { builder: { type: string; options: { filenames: string[]; ignore: string[] } } };
  projects: Record<string, Project>;
}

const config = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8')) as NestCliConfig;
const directories = (parent: string): string[] =>
  readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
const projectsOfType = (type: Project['type']): string[] =>
  Object.entries(config.projects)
    .filter(([, project]) => project.type === type)
    .map(([name]) => name)
    .sort();

describe('nest-cli.json', () => {
  it('is a monorepo built with swc', () => {
    expect(config.monorepo).toBe(true);
    expect(config.compilerOptions.builder.type).toBe('swc');
  });

  it('lists exactly the apps/* directories as applications and libs/* as libraries', () => {
    expect(projectsOfType('application')).toEqual(directories('apps'));
    expect(projectsOfType('library')).toEqual(directories('libs'));
    expect(Object.keys(config.projects).sort()).toEqual([...directories('apps'), ...directories('libs')].sort());
  });

  it.each(Object.entries(config.projects))(
    '%s: its entry file exists and builds to dist/<sourceRoot>',
    (name, project) => {
      const parent = project.type === 'application' ? 'apps' : 'libs';
      expect(project.root).toBe(`${parent}/${name}`);
      expect(project.sourceRoot).toBe(`${parent}/${name}/src`);
      expect(project.entryFile).toBe(project.type === 'application' ? 'main' : 'index');
      expect(existsSync(join(root, project.sourceRoot, `${project.entryFile}.ts`))).toBe(true);
      if (project.type === 'application') {
        // What `nest start` runs is what `npm start` (scripts/start.mjs) runs.
        expect(posix.join('dist', project.sourceRoot, `${project.entryFile}.js`)).toBe(`dist/apps/${name}/src/main.js`);
      }
    },
  );

  it('compiles every project source root (an app needs the libs it imports), without the tests', () => {
    const { filenames, ignore } = config.compilerOptions.builder.options;
    for (const project of Object.values(config.projects)) {
      expect(filenames.some((dir) => project.sourceRoot.startsWith(`${dir}/`))).toBe(true);
    }
    expect(ignore).toEqual(expect.arrayContaining(['**/*.spec.ts', '**/*.e2e-spec.ts']));
  });
});
