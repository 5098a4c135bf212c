import 'reflect-metadata';
import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ACCESS_META, RPC_HANDLER_META, RpcHandlerMeta, ServiceEnv, ServiceInstance } from '@libs/common';
import { allContracts, EVENT_SUBJECT, RPC_SUBJECT, SERVICES, ServiceName } from '@libs/contracts';
import { AdvertisingAppModule } from '../apps/advertising/src/advertising-app.module';
import { FinanceAppModule } from '../apps/finance/src/finance-app.module';
import { GatewayEnv } from '../apps/gateway/src/config/gateway.config';
import { GatewayAppModule } from '../apps/gateway/src/gateway-app.module';
import { LicensingAppModule } from '../apps/licensing/src/licensing-app.module';
import { PaymentsAppModule } from '../apps/payments/src/payments-app.module';
import { PaywallAppModule } from '../apps/paywall/src/paywall-app.module';
import { SubscriptionsAppModule } from '../apps/subscriptions/src/subscriptions-app.module';
import { renderAsyncApi } from '../scripts/generate-asyncapi';
import { renderDeployedNatsAuthorization } from '../scripts/generate-nats-authorization';

type Controller = new (...args: never[]) => object;

function instance(service: ServiceName): ServiceInstance<GatewayEnv> {
  return {
    service,
    env: Object.assign(new GatewayEnv(), { DATABASE_URL: 'postgres://x/y' }) as GatewayEnv & ServiceEnv,
    instanceId: 'meta',
  };
}

const APP_MODULES: Record<ServiceName, DynamicModule> = {
  gateway: GatewayAppModule.register(instance('gateway')),
  paywall: PaywallAppModule.register(instance('paywall')),
  subscriptions: SubscriptionsAppModule.register(instance('subscriptions')),
  advertising: AdvertisingAppModule.register(instance('advertising')),
  payments: PaymentsAppModule.register(instance('payments')),
  licensing: LicensingAppModule.register(instance('licensing')),
  finance: FinanceAppModule.register(instance('finance')),
};

function methodsOf(controller: Controller): { name: string; fn: object }[] {
  const proto = controller.prototype as Record<string, object>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && typeof proto[name] === 'function')
    .map((name) => ({ name, fn: proto[name] }));
}

/** The controllers of a module and of every module it imports (feature modules), once each. */
function controllersOf(module: DynamicModule | Type, seen = new Set<unknown>()): Controller[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const dynamic = typeof module === 'function' ? undefined : module;
  const moduleClass = dynamic ? dynamic.module : (module as Type);
  const own = [
    ...((Reflect.getMetadata('controllers', moduleClass) ?? []) as Controller[]),
    ...((dynamic?.controllers ?? []) as Controller[]),
  ];
  const imports = [
    ...((Reflect.getMetadata('imports', moduleClass) ?? []) as (DynamicModule | Type)[]),
    ...((dynamic?.imports ?? []) as (DynamicModule | Type)[]),
  ];
  return [...own, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

/** The gateway's routes forwarded to another service live in `routes/<service>/<resource…>.controller.ts`. */
const GATEWAY_ROUTES = join(__dirname, '..', 'apps', 'gateway', 'src', 'routes');
const OTHER_SERVICES = SERVICES.filter((service) => service !== 'gateway');
const OTHER_SERVICE_PATH = new RegExp(`^v1/(${OTHER_SERVICES.join('|')})(/|$)`);

/** A route path without its leading or trailing slashes, as `v1/paywall/offers/:id`. */
function pathOf(...parts: unknown[]): string {
  return parts
    .map((part) => String(part ?? '').replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/');
}

/** Each controller class exported by a file under the gateway's routes/, with that file's path in routes/. */
async function routesControllerFiles(): Promise<Map<Controller, string>> {
  const files = readdirSync(GATEWAY_ROUTES, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.controller.ts'),
  );
  const found = new Map<Controller, string>();
  for (const file of files) {
    const exported = (await import(join(GATEWAY_ROUTES, file))) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (typeof value === 'function' && Reflect.getMetadata(PATH_METADATA, value) !== undefined)
        found.set(value as Controller, file);
    }
  }
  return found;
}

const rpcHandlers = Object.entries(APP_MODULES).flatMap(([service, module]) =>
  controllersOf(module).flatMap((controller) =>
    methodsOf(controller).flatMap(({ name, fn }) => {
      const meta = Reflect.getMetadata(RPC_HANDLER_META, fn) as RpcHandlerMeta | undefined;
      const params = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
      return meta ? [{ service, where: `${controller.name}.${name}`, meta, requestType: params[0] }] : [];
    }),
  ),
);

describe('house rules', () => {
  it('gives every subject the grammar of its kind', () => {
    for (const contract of allContracts()) {
      expect(contract.subject).toMatch(contract.kind === 'rpc' ? RPC_SUBJECT : EVENT_SUBJECT);
      expect(SERVICES).toContain(contract.service);
    }
  });

  it('declares contracts in <service>/<aggregate>.rpc.ts and <aggregate>.events.ts, each subject of that aggregate', () => {
    const root = join(__dirname, '..', 'libs', 'contracts', 'src');
    const misplaced: string[] = [];
    for (const service of SERVICES) {
      const folder = join(root, service);
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
        const source = readFileSync(join(folder, file), 'utf8');
        const subjects = [...source.matchAll(/subject: '([^']+)'/g)].map((m) => m[1]);
        const declares = /define(Rpc|Event)\(/.test(source);
        const layout = /^([a-z][a-z0-9-]*)\.(rpc|events)\.ts$/.exec(file);
        if (!declares) continue;
        if (!layout) {
          misplaced.push(
            `${service}/${file}: declares contracts but is not <aggregate>.rpc.ts or <aggregate>.events.ts`,
          );
          continue;
        }
        const [, aggregate, kind] = layout;
        const grammar = kind === 'rpc' ? RPC_SUBJECT : EVENT_SUBJECT;
        for (const subject of subjects) {
          const match = grammar.exec(subject);
          const ofAggregate = match && (match[2] === aggregate || match[2].startsWith(`${aggregate}-`));
          if (!match || match[1] !== service || !ofAggregate) misplaced.push(`${service}/${file}: ${subject}`);
        }
      }
    }
    const outside = readdirSync(root).filter(
      (name) => name.endsWith('.ts') && /define(Rpc|Event)\(/.test(readFileSync(join(root, name), 'utf8')),
    );
    expect(misplaced).toEqual([]);
    // Only the audit family spans every service; its subjects are built per service.
    expect(outside.filter((name) => !['define-rpc.ts', 'define-event.ts'].includes(name))).toEqual([
      'configuration.events.ts',
    ]);
  });

  it('marks every property of a contract class that may be null with @Nullable, and no other', () => {
    const wrong: string[] = [];
    const visit = (file: string) => {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const node of source.statements.filter(ts.isClassDeclaration)) {
        for (const member of node.members.filter(ts.isPropertyDeclaration)) {
          const type = member.type;
          const mayBeNull =
            !!type &&
            ts.isUnionTypeNode(type) &&
            type.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
          const decorators = ts.getDecorators(member) ?? [];
          const marked = decorators.some((d) => d.getText(source).startsWith('@Nullable('));
          if (decorators.length > 0 && mayBeNull !== marked)
            wrong.push(`${relative(root, file)}: ${node.name?.text}.${member.name.getText(source)}`);
        }
      }
    };
    const root = join(__dirname, '..');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    walk(join(root, 'libs', 'contracts', 'src')).forEach(visit);
    expect(wrong).toEqual([]);
  });

  it('declares each subject once', () => {
    const subjects = allContracts().map((c) => c.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('handles every request contract exactly once, in the service that owns it, with its request class', () => {
    for (const contract of allContracts().filter((c) => c.kind === 'rpc')) {
      const handlers = rpcHandlers.filter((h) => h.meta.contract === contract);
      expect({ subject: contract.subject, handlers: handlers.length }).toEqual({
        subject: contract.subject,
        handlers: 1,
      });
      expect(handlers[0].service).toBe(contract.service);
      expect({ where: handlers[0].where, request: handlers[0].requestType }).toEqual({
        where: handlers[0].where,
        request: contract.request,
      });
      expect(handlers[0].meta.contract.roles.length).toBeGreaterThan(0);
    }
  });

  it('handles no subject that is not a declared contract', () => {
    const declared = new Set(allContracts());
    expect(rpcHandlers.filter((h) => !declared.has(h.meta.contract)).map((h) => h.where)).toEqual([]);
  });

  it('takes messages without a tenant header only where the request itself names the tenant (the gift page)', () => {
    const tenantless = allContracts().flatMap((c) => (c.kind === 'rpc' && c.tenantFromRequest ? [c.subject] : []));
    expect(tenantless).toEqual(['subscriptions.gift.look-up-by-code.v1']);
  });

  it('gives every gateway route an access rule', () => {
    const open = controllersOf(APP_MODULES.gateway).flatMap((controller) =>
      methodsOf(controller)
        .filter(({ fn }) => Reflect.getMetadata(METHOD_METADATA, fn) !== undefined)
        .filter(
          ({ fn }) =>
            Reflect.getMetadata(ACCESS_META, fn) === undefined &&
            Reflect.getMetadata(ACCESS_META, controller) === undefined,
        )
        .map(
          ({ name, fn }) =>
            `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number]} ${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, fn))})`,
        ),
    );
    expect(open).toEqual([]);
  });

  it("serves another service's routes /v1/<service>/<resource…> from routes/<service>/<resource…>.controller.ts only", async () => {
    const fileOf = await routesControllerFiles();
    const gateway = controllersOf(APP_MODULES.gateway);
    expect(fileOf.size).toBeGreaterThan(0);
    expect([...fileOf.keys()].filter((controller) => !gateway.includes(controller)).map((c) => c.name)).toEqual([]);
    const misplaced = gateway.flatMap((controller) => {
      const base = pathOf(Reflect.getMetadata(PATH_METADATA, controller));
      const file = fileOf.get(controller);
      if (file) {
        const expected = `v1/${file.replace(/\.controller\.ts$/, '')}`;
        return base === expected && OTHER_SERVICE_PATH.test(base)
          ? []
          : [`${controller.name} in routes/${file} serves @Controller('${base}'), not '${expected}'`];
      }
      return methodsOf(controller)
        .filter(({ fn }) => Reflect.getMetadata(METHOD_METADATA, fn) !== undefined)
        .map(({ fn }) => pathOf(base, Reflect.getMetadata(PATH_METADATA, fn)))
        .filter((path) => OTHER_SERVICE_PATH.test(path))
        .map((path) => `${controller.name} serves ${path} outside routes/`);
    });
    expect(misplaced).toEqual([]);
  });

  it('admits to each forwarded route exactly whom the contract it forwards admits (@Access(Contract))', async () => {
    const contracts = await import('@libs/contracts');
    const nameOf = new Map<unknown, string>(Object.entries(contracts).map(([name, value]) => [value, name]));
    const wrong: string[] = [];
    for (const [controller, file] of await routesControllerFiles()) {
      const source = readFileSync(join(GATEWAY_ROUTES, file), 'utf8');
      for (const { name, fn } of methodsOf(controller)) {
        if (Reflect.getMetadata(METHOD_METADATA, fn) === undefined) continue;
        const rule = (Reflect.getMetadata(ACCESS_META, fn) ?? {}) as { contract?: unknown };
        const contract = nameOf.get(rule.contract);
        const body = new RegExp(`\\n  (?:async )?${name}\\([\\s\\S]*?\\n  }\\n`).exec(source)?.[0] ?? '';
        const forwarded = /rpc\.request\(\s*(\w+)/.exec(body)?.[1];
        if (!contract || contract !== forwarded)
          wrong.push(`${controller.name}.${name}: @Access(${contract ?? 'roles'}) forwards ${forwarded ?? 'nothing'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names each file after the class it exports, and its role after its suffix (article.repository.ts: ArticleRepository)', () => {
    const SUFFIXES: Record<string, string> = {
      repository: 'Repository',
      service: 'Service',
      'rpc.controller': 'RpcController',
      'events.controller': 'EventsController',
      controller: 'Controller',
      module: 'Module',
      runner: 'Runner',
      schedule: 'Schedule',
      error: 'Error',
      entity: '',
    };
    const pascal = (kebab: string) =>
      kebab
        .split(/[-/]/)
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join('');
    const root = join(__dirname, '..');
    const sources = ['apps', 'libs'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)),
    );
    const misnamed: string[] = [];
    const entities = new Set(
      sources.filter((f) => f.endsWith('.entity.ts')).map((f) => f.split('/').pop()!.slice(0, -10)),
    );
    for (const file of sources) {
      const match =
        /^(.*\/)?([a-z0-9-]+)\.(repository|service|rpc\.controller|events\.controller|controller|module|runner|schedule|error|entity)\.ts$/.exec(
          file,
        );
      if (!match) continue;
      const [, , stem, role] = match;
      // the gateway's forwarded routes are named after their whole path: routes/finance/reconciliation/runs
      const routes = /^apps\/gateway\/src\/routes\/(.+)\.controller\.ts$/.exec(file);
      const expected = (routes ? pascal(routes[1]) : pascal(stem)) + SUFFIXES[role];
      const exported = [...readFileSync(join(root, file), 'utf8').matchAll(/export (?:abstract )?class (\w+)/g)].map(
        (m) => m[1],
      );
      if (!exported.includes(expected))
        misnamed.push(`${file}: exports ${exported.join(', ') || 'no class'}, not ${expected}`);
      // repositories are singular, unless their row is itself named in the plural (billing-settings)
      if (role === 'repository' && stem.endsWith('s') && !entities.has(stem)) misnamed.push(`${file}: not singular`);
    }
    expect(misnamed).toEqual([]);
  });

  it('describes itself from inside the repository: no file refers to a design kept outside it', () => {
    const root = join(__dirname, '..');
    const skip = new Set(['node_modules', 'dist', '.git', '.local', 'coverage']);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => !skip.has(entry.name) && entry.name !== 'package-lock.json')
        .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
    const outside = walk(root).filter((file) => /\.\.\/shared\b/.test(readFileSync(file, 'utf8')));
    expect(outside.map((file) => relative(root, file))).toEqual([]);
  });

  it('builds every service from feature modules: its app module registers no controller or provider itself', () => {
    const flat = Object.entries(APP_MODULES).filter(
      ([, module]) => (module.controllers?.length ?? 0) > 0 || (module.providers?.length ?? 0) > 0,
    );
    expect(flat.map(([service]) => service)).toEqual([]);
  });

  it.each(SERVICES)(
    'keeps the folders of %s free of cycles: building blocks never import the features that use them',
    (service) => {
      const src = join(__dirname, '..', 'apps', service, 'src');
      const edges = new Map<string, Set<string>>();
      for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || !file.includes('/')) continue;
        const from = file.split('/')[0];
        for (const [, specifier] of readFileSync(join(src, file), 'utf8').matchAll(/from '(\.[^']+)'/g)) {
          const target = relative(src, join(src, file, '..', specifier));
          const to = target.split('/')[0];
          if (target.includes('/') && !target.startsWith('..') && to !== from)
            edges.set(from, new Set([...(edges.get(from) ?? []), `${to} (${file})`]));
        }
      }
      const folders = [...edges.keys()];
      const reaches = (start: string): Set<string> => {
        const seen = new Set<string>();
        const stack = [start];
        while (stack.length > 0)
          for (const edge of edges.get(stack.pop()!) ?? []) {
            const to = edge.split(' ')[0];
            if (!seen.has(to)) stack.push((seen.add(to), to));
          }
        return seen;
      };
      const cycles = folders.flatMap((folder) =>
        [...(edges.get(folder) ?? [])]
          .filter((edge) => reaches(edge.split(' ')[0]).has(folder))
          .map((edge) => `${folder} -> ${edge}`),
      );
      expect(cycles).toEqual([]);
    },
  );

  it('keeps deploy/k8s/nats-authorization.conf what the contracts permit (npm run nats:authorization)', () => {
    const file = join(__dirname, '..', 'deploy', 'k8s', 'nats-authorization.conf');
    expect(readFileSync(file, 'utf8')).toBe(renderDeployedNatsAuthorization());
  });

  it('keeps docs/asyncapi.json what the contracts generate (npm run asyncapi)', () => {
    expect(readFileSync(join(__dirname, '..', 'docs', 'asyncapi.json'), 'utf8')).toBe(renderAsyncApi());
  });
});
