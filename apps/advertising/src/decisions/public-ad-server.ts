import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parse as parseQuery } from 'fast-querystring';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TITLES, problemInstance, problemType, requestIdOf } from '@libs/common';
import { AdDecisionAnswer, ADS_DECISIONS_PATH, FieldError } from '@libs/contracts';
import { BeaconUrls } from '../beacons/beacon-urls';
import { AdvertisingEnv } from '../config/advertising.config';
import { AdMemory } from './ad-memory';
import { creativeFileUrl } from './creative-file-url';
import { CreativeFilesServer } from './creative-files-server';
import { decideAds } from './decide-ads';
import { parseAdRequest } from './parse-ad-request';

interface Refusal {
  status: number;
  slug: string;
  detail: string;
  errors?: FieldError[];
}

/** Serves the requests of one path prefix on the public port (beacons: `tracking/`). */
export type PublicAdRoute = (request: IncomingMessage, response: ServerResponse) => void;

const KEEP_ALIVE_MS = 72_000;
/** An answer depends on the site, the page and chance: never kept by a cache. */
const ANSWER_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
  'cache-control': 'private, no-store',
};

/**
 * The public ad decision endpoint, on advertising's own port (`ADVERTISING_PUBLIC_PORT`) and a
 * bare node HTTP server: no gateway, no NATS, no database on the way, every answer from memory
 * (`AdMemory`). A page asks with GET and the query (a simple request: no CORS preflight):
 * `siteKey`, `units` (codes, comma-separated), `section`, `device`. An ingress routes
 * `/v1/ads/decisions` here.
 *
 * Each ad served carries its signed impression, viewable and click URLs (`BeaconUrls`); the
 * beacons themselves are served on this port by the features that register a path prefix (`route`).
 *
 * Seams left: a per-site rate limit (the paywall's), pacing from delivered counts (`decideAds`' `deliveredToday`), frequency caps from a signed
 * first-party token, ad-free readers, house ads and passbacks.
 */
@Injectable()
export class PublicAdServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicAdServer.name);
  private readonly port: number;
  private readonly host: string;
  private server?: Server;
  /** Answers decided in this turn of the event loop, sent together at its end. */
  private unsent: { response: ServerResponse; body: string }[] = [];
  private readonly routes: [prefix: string, route: PublicAdRoute][] = [];
  url = '';
  /** Where pages reach this server: creative files' URLs start with it. */
  private readonly publicBaseUrl: string;

  constructor(
    private readonly memory: AdMemory,
    private readonly creativeFiles: CreativeFilesServer,
    private readonly beacons: BeaconUrls,
    env: AdvertisingEnv,
  ) {
    this.publicBaseUrl = env.ADVERTISING_PUBLIC_BASE_URL;
    this.port = env.ADVERTISING_PUBLIC_PORT;
    this.host = env.HTTP_HOST;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = (this.server = createServer((request, response) => this.serve(request, response)));
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => resolve());
    });
    const address = server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : this.port}`;
    this.logger.log(`ad decisions at ${this.url}${ADS_DECISIONS_PATH}`);
  }

  /** Serves every path under `prefix` with `route` (registered before the application starts). */
  route(prefix: string, route: PublicAdRoute): void {
    this.routes.push([prefix, route]);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private serve(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    if (CreativeFilesServer.serves(path)) return this.creativeFiles.serve(request, response, path);
    if (path !== ADS_DECISIONS_PATH) {
      for (const [prefix, route] of this.routes) if (path.startsWith(prefix)) return route(request, response);
      return this.refuse(request, response, {
        status: 404,
        slug: 'not-found',
        detail: `only ${ADS_DECISIONS_PATH} is served here`,
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return this.refuse(request, response, { status: 405, slug: 'method-not-allowed', detail: 'ask with GET' });
    let answer: AdDecisionAnswer | Refusal;
    try {
      answer = this.decide(queryAt < 0 ? {} : (parseQuery(url.slice(queryAt + 1)) as Record<string, unknown>));
    } catch (error) {
      this.logger.error(`ad decision failed: ${(error as Error).message}`);
      answer = { status: 500, slug: 'internal', detail: 'the decision failed' };
    }
    if ('status' in answer) return this.refuse(request, response, answer);
    // As the paywall does: answers decided in one wake-up of the event loop are written back to back
    // at its end, so a connection is woken once per burst, not once per answer.
    if (this.unsent.push({ response, body: JSON.stringify(answer) }) === 1) setImmediate(this.sendAnswers);
  }

  private readonly sendAnswers = (): void => {
    const answers = this.unsent;
    this.unsent = [];
    for (const { response, body } of answers)
      response.writeHead(200, { ...ANSWER_HEADERS, 'content-length': Buffer.byteLength(body) }).end(body);
  };

  private decide(query: Record<string, unknown>): AdDecisionAnswer | Refusal {
    const parsed = parseAdRequest(query);
    if ('errors' in parsed)
      return { status: 400, slug: 'validation-failed', detail: 'the ad request is not valid', errors: parsed.errors };
    const { request } = parsed;
    if (!this.memory.ready) return { status: 503, slug: 'unavailable', detail: 'ad decisions are starting; retry' };
    const site = this.memory.site(request.siteKey);
    if (!site) return { status: 404, slug: 'not-found', detail: 'no site has this publishable key' };
    const now = Date.now();
    const today = this.memory.todayOf(site.tenantId, new Date(now));
    if (!today) return { status: 503, slug: 'unavailable', detail: "the site's agency is not known here yet; retry" };
    const units = request.units.map((code) => this.memory.unit(site.siteId, code));
    const decided = decideAds(
      units,
      { today, section: request.section, device: request.device },
      { random: Math.random },
    );
    return {
      capToken: null,
      units: decided.map(({ unit, choice }) => ({
        unit,
        fill: choice ? 'line' : 'none',
        passback: null,
        ad: choice && {
          orderId: choice.line.orderId,
          lineId: choice.line.lineId,
          creativeId: choice.creative.creativeId,
          kind: choice.creative.kind,
          size: choice.creative.size,
          contentUrl: creativeFileUrl(this.publicBaseUrl, choice.creative),
          sha256: choice.creative.sha256,
          markup: choice.creative.tag,
          headline: choice.creative.headline,
          label: choice.creative.label,
          clickUrl: choice.creative.clickUrl,
          ...this.beacons.urlsOf(
            {
              tenantId: site.tenantId,
              siteId: site.siteId,
              orderId: choice.line.orderId,
              lineId: choice.line.lineId,
              adUnitId: choice.line.adUnitId,
              creative: choice.creative,
            },
            now,
            request.article ?? '',
          ),
        },
      })),
    };
  }

  private refuse(request: IncomingMessage, response: ServerResponse, refusal: Refusal): void {
    const requestId = requestIdOf(request.headers);
    const body = JSON.stringify({
      type: problemType(refusal.slug),
      title: PROBLEM_TITLES[refusal.status] ?? 'Error',
      status: refusal.status,
      detail: refusal.detail,
      instance: problemInstance(request.url ?? '/'),
      requestId,
      errors: refusal.errors,
    });
    response
      .writeHead(refusal.status, {
        'content-type': PROBLEM_CONTENT_TYPE,
        'x-request-id': requestId,
        'access-control-allow-origin': '*',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      })
      .end(request.method === 'HEAD' ? undefined : body);
  }
}
