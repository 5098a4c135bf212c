import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVICES } from '@libs/contracts';

const deploy = (file: string) => readFileSync(resolve(__dirname, '../deploy', file), 'utf8');

/** What the public side of a deployment routes: the API and the reader-facing paths, nothing else. */
const PUBLIC_ROUTES = [
  ['/v1/paywall/decisions', 'paywall:3011'],
  ['/v1/ads/decisions', 'advertising:3013'],
  ['/v1/ads/creatives', 'advertising:3013'],
  ['/v1/ads/events', 'advertising:3013'],
  ['/v1/webhooks/stripe', 'payments:3016'],
  ['/v1/notifications', 'payments:3016'],
  ['/v1/paywall/structured-data', 'paywall:3011'],
  ['/v1', 'gateway:3000'],
  ['/gift', 'gateway:3000'],
  ['/pay', 'gateway:3000'],
  ['/paywall.js', 'gateway:3000'],
  ['/ads.js', 'gateway:3000'],
];
const INTERNAL = ['/metrics', '/health', '/docs', '/openapi.json', '/asyncapi.json'];

describe('public routes of the deployments', () => {
  it('lets the Kubernetes ingress route only the API and reader paths', () => {
    const ingress = deploy('k8s/ingress.yaml');
    const routes = [...ingress.matchAll(/- path: (\S+)[\s\S]*?name: (\w+)\s+port:\s+number: (\d+)/g)].map((m) => [
      m[1],
      `${m[2]}:${m[3]}`,
    ]);
    expect(routes).toEqual(PUBLIC_ROUTES);
  });

  it("routes the same in compose's proxy, and nothing of the services' own endpoints", () => {
    const proxy = deploy('proxy/nginx.conf');
    const locations = [...proxy.matchAll(/location (=\s)?(\S+) \{ (proxy_pass http:\/\/(\w+)|return 404)/g)].map(
      (m) => [m[2].replace(/\/$/, ''), m[4] ?? '404'],
    );
    const upstreams = Object.fromEntries(
      [...proxy.matchAll(/upstream (\w+) \{ server ([\w-]+:\d+);/g)].map((m) => [m[1], m[2]]),
    );
    expect(locations.filter(([, to]) => to !== '404').map(([path, to]) => [path, upstreams[to]])).toEqual(
      PUBLIC_ROUTES,
    );
    expect(locations.find(([path]) => path === '')).toEqual(['', '404']);
    for (const path of INTERNAL) expect(proxy).not.toMatch(new RegExp(`location[^{]*${path.replace('.', '\\.')}`));
  });

  it('sends each public route to a port that its Kubernetes Service and container declare', () => {
    for (const [, target] of PUBLIC_ROUTES) {
      const [service, port] = target.split(':');
      const manifest = deploy(`k8s/${service}.yaml`);
      const servicePort = manifest.match(new RegExp(`- name: [\\w-]+\\s+port: ${port}\\s+targetPort: ([\\w-]+)`));
      expect([target, servicePort?.[1]]).toEqual([target, expect.any(String)]);
      expect(manifest).toMatch(new RegExp(`- name: ${servicePort?.[1]}\\s+containerPort: ${port}\\n`));
    }
  });

  it("publishes the services' own ports (with /metrics) on 127.0.0.1 only in compose", () => {
    const compose = deploy('compose.yaml');
    const published = [...compose.matchAll(/^\s+- "(.*):([^:"]+):(\d+)"$/gm)].map((m) => [m[1], m[3]]);
    expect(published.filter(([, port]) => port !== '8080').every(([address]) => address === '127.0.0.1')).toBe(true);
    expect(published.map(([, port]) => port)).toContain('8080');
  });
});

describe('services and secrets of the deployments', () => {
  const compose = deploy('compose.yaml');
  const composeService = (name: string) =>
    compose.match(new RegExp(`\\n  ${name}:\\n[\\s\\S]*?(?=\\n\\n|$)`))?.[0] ?? '';
  const templateKeys = new Set([...deploy('k8s/secret.template.yaml').matchAll(/^ {2}(\w+): /gm)].map((m) => m[1]));

  it.each(SERVICES)('deploys %s in Kubernetes and compose', (service) => {
    expect(deploy('k8s/kustomization.yaml')).toContain(`  - ${service}.yaml\n`);
    expect(deploy(`k8s/${service}.yaml`)).toContain(`            - name: APP\n              value: ${service}\n`);
    expect(composeService(service)).toContain(`      APP: ${service}\n`);
  });

  /** Another service's secret a service holds by design, and why. */
  const SHARED_BY_DESIGN: Record<string, string[]> = {
    // advertising reads the reader tokens pages carry (ad-free readers); it never signs with them
    advertising: ['PAYWALL_TOKEN_KEYS'],
  };

  it.each(SERVICES)(
    "gives %s its own database, NATS user and caller-signing key, and no other service's",
    (service) => {
      const keys = [...deploy(`k8s/${service}.yaml`).matchAll(/name: revenue-secrets\s+key: (\w+)/g)].map((m) => m[1]);
      const own = service.toUpperCase();
      expect(keys).toEqual(
        expect.arrayContaining([`${own}_DATABASE_URL`, `${own}_NATS_PASSWORD`, `${own}_CALLER_SIGNING_KEY`]),
      );
      expect(keys.filter((key) => !templateKeys.has(key))).toEqual([]);
      const othersPrivate = keys.filter(
        (key) =>
          !key.startsWith(`${own}_`) &&
          !key.endsWith('_PUBLIC_KEY') &&
          !(SHARED_BY_DESIGN[service] ?? []).includes(key) &&
          SERVICES.some((other) => key.startsWith(`${other.toUpperCase()}_`)),
      );
      expect(othersPrivate).toEqual([]);
      expect(composeService(service)).toContain(`      NATS_PASSWORD: \${${own}_NATS_PASSWORD:?`);
      expect(composeService(service)).toContain(`      CALLER_SIGNING_KEY: \${${own}_CALLER_SIGNING_KEY:?`);
    },
  );

  it('hands the NATS servers every password the authorization file names, in Kubernetes and compose', () => {
    const variables = [...deploy('k8s/nats-authorization.conf').matchAll(/password: \$(\w+)/g)].map((m) => m[1]);
    expect(variables).toHaveLength(SERVICES.length + 1);
    for (const variable of variables) {
      expect(deploy('k8s/nats.yaml')).toContain(`            - name: ${variable}\n`);
      expect(composeService('nats')).toContain(`      ${variable}: \${${variable}:?`);
    }
  });
});
