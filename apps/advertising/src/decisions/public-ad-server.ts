import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parse as parseQuery } from 'fast-querystring';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  parseSigningKeys,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  problemInstance,
  problemType,
  ReaderTokens,
  requestIdOf,
  SignedTokens,
} from '@libs/common';
import { AdDecisionAnswer, ADS_DECISIONS_PATH, FieldError } from '@libs/contracts';
import { BeaconUrls } from '../beacons/beacon-urls';
import { AdvertisingEnv } from '../config/advertising.config';
import { AdMemory } from './ad-memory';
import { CapTokens } from './cap-tokens';
import { creativeFileUrl } from './creative-file-url';
import { CreativeFilesServer } from './creative-files-server';
import { decideAds } from './decide-ads';
import { CapCounts, cappedOut, countServed } from './frequency-caps';
import { LinePacing } from './line-pacing';
import { parseAdRequest } from './parse-ad-request';
import { ReaderStatuses } from './reader-statuses';
import { SiteTraffic } from './site-traffic';

/** Serves the requests of one path prefix on the public port (beacons: `tracking/`). */
export type PublicAdRoute = (request: IncomingMessage, response: ServerResponse) => void;

interface Refusal {
  status: number;
  slug: string;
  detail: string;
  errors?: FieldError[];
}

const KEEP_ALIVE_MS = 72_000;
/** Read once: a contract's constant is reached through the barrel's getters. */
const DECISIONS_PATH = ADS_DECISIONS_PATH;
/** An answer depends on the site, the page and chance: never kept by a cache. */
const ANSWER_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
  'cache-control': 'private, no-store',
};

/**
 * The public ad decision endpoint, on advertising's own port (`ADVERTISING_PUBLIC_PORT`) and a
 * bare node HTTP server: no gateway, no NATS, no database on the way, every answer from memory
 * (`AdMemory`, `ReaderStatuses`, `LinePacing`). A page asks with GET and the query (a simple
 * request: no CORS preflight): `siteKey`, `units` (codes, comma-separated), `section`, `device`,
 * `article`, `reader` (the paywall's reader token) and `cap` (the last answer's `capToken`); the
 * reader's country comes from the CDN's header (`ADVERTISING_COUNTRY_HEADER`). An ingress routes
 * `/v1/ads/decisions` here.
 *
 * Frequency caps count when a decision serves a capped line (not when its impression beacon
 * arrives): the answer's `capToken` carries the new counts, and a page that never renders the ad
 * still spent one of the reader's. Each page request is counted in memory for its site's traffic
 * curve (`SiteTraffic`) and each served line for pacing (`LinePacing`); both are written later.
 *
 * Seams left: a per-site rate limit (the paywall's), signed impression/viewable/click URLs.
 */
@Injectable()
export class PublicAdServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicAdServer.name);
  private readonly port: number;
  private readonly host: string;
  private server?: Server;
  private readonly countryHeader: string;
  private readonly readerTokens: ReaderTokens;
  private readonly capTokens: CapTokens;
  /** Answers decided in this turn of the event loop, sent together at its end. */
  private unsent: { response: ServerResponse; body: string }[] = [];
  private readonly routes: [prefix: string, route: PublicAdRoute][] = [];
  url = '';
  /** Where pages reach this server: creative files' URLs start with it. */
  private readonly publicBaseUrl: string;

  constructor(
    private readonly memory: AdMemory,
    private readonly readers: ReaderStatuses,
    private readonly pacing: LinePacing,
    private readonly traffic: SiteTraffic,
    private readonly creativeFiles: CreativeFilesServer,
    private readonly beacons: BeaconUrls,
    env: AdvertisingEnv,
  ) {
    this.publicBaseUrl = env.ADVERTISING_PUBLIC_BASE_URL;
    this.port = env.ADVERTISING_PUBLIC_PORT;
    this.host = env.HTTP_HOST;
    this.countryHeader = env.ADVERTISING_COUNTRY_HEADER;
    this.readerTokens = new ReaderTokens(new SignedTokens(parseSigningKeys(env.PAYWALL_TOKEN_KEYS)));
    this.capTokens = new CapTokens(new SignedTokens(parseSigningKeys(env.ADVERTISING_TOKEN_KEYS)));
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
    if (path !== DECISIONS_PATH) {
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
      const query = queryAt < 0 ? {} : (parseQuery(url.slice(queryAt + 1)) as Record<string, unknown>);
      answer = this.decide(query, request.headers);
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

  private decide(query: Record<string, unknown>, headers: IncomingHttpHeaders): AdDecisionAnswer | Refusal {
    const parsed = parseAdRequest(query);
    if ('errors' in parsed)
      return { status: 400, slug: 'validation-failed', detail: 'the ad request is not valid', errors: parsed.errors };
    const { request } = parsed;
    if (!this.memory.ready) return { status: 503, slug: 'unavailable', detail: 'ad decisions are starting; retry' };
    const site = this.memory.site(request.siteKey);
    if (!site) return { status: 404, slug: 'not-found', detail: 'no site has this publishable key' };
    const { tenantId, siteId } = site;
    const now = Date.now();
    const moment = this.memory.clockOf(tenantId)?.at(now);
    if (!moment) return { status: 503, slug: 'unavailable', detail: "the site's agency is not known here yet; retry" };
    this.traffic.count(siteId, tenantId, moment);
    const readerKey = request.reader ? this.readerTokens.readerKeyOf(request.reader, tenantId, now) : null;
    const seconds = Math.floor(now / 1000);
    // the cap token is opened only when a capped line may serve
    let counts: CapCounts | undefined;
    const countsNow = () => (counts ??= this.capTokens.read(request.cap, tenantId, seconds));
    const units = request.units.map((code) => this.memory.unit(siteId, code));
    const decided = decideAds(
      units,
      {
        today: moment.day,
        hour: moment.hour,
        section: request.section,
        device: request.device,
        country: countryOf(headers[this.countryHeader]),
        reader: this.readers.statusOf(tenantId, readerKey, now),
        subscriberMaxUnits: this.memory.subscriberMaxUnits(siteId),
      },
      {
        random: Math.random,
        pace: this.pacing.paceOf,
        cappedOut: (line) =>
          line.frequencyCap !== null && cappedOut(countsNow(), line.capKey, line.frequencyCap, seconds),
      },
    );
    const capped: { capKey: number; cap: { impressions: number; hours: number } }[] = [];
    for (const { line } of decided) {
      if (!line) continue;
      this.pacing.served(line.lineId);
      if (line.frequencyCap) capped.push({ capKey: line.capKey, cap: line.frequencyCap });
    }
    return {
      capToken: capped.length > 0 ? this.capTokens.issue(tenantId, countServed(countsNow(), capped, seconds)) : null,
      units: decided.map(({ unit, fill, line, creative, passback }) => ({
        unit,
        fill,
        passback,
        ad: creative && {
          orderId: line?.orderId ?? null,
          lineId: line?.lineId ?? null,
          creativeId: creative.creativeId,
          kind: creative.kind,
          size: creative.size,
          contentUrl: creativeFileUrl(this.publicBaseUrl, creative),
          sha256: creative.sha256,
          markup: creative.tag,
          headline: creative.headline,
          label: creative.label,
          clickUrl: creative.clickUrl,
          // a house ad is the agency's own: nothing sold to count (no beacons), its link followed as is
          ...(line
            ? this.beacons.urlsOf(
                {
                  tenantId,
                  siteId,
                  orderId: line.orderId,
                  lineId: line.lineId,
                  adUnitId: line.adUnitId,
                  creative,
                },
                now,
                request.article ?? '',
              )
            : { impressionUrl: '', viewableUrl: '', clickThroughUrl: creative.clickUrl }),
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

/** The reader's country from the CDN's header (ISO 3166-1 alpha-2); null when absent, unknown (XX) or Tor (T1). */
function countryOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.length !== 2) return null;
  const code = header.toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code !== 'XX' ? code : null;
}
