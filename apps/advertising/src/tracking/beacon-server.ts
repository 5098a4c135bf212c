import { Injectable, OnModuleInit } from '@nestjs/common';
import { parse as parseQuery } from 'fast-querystring';
import { isbot } from 'isbot';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  BoundedMap,
  clientAddressOf,
  parseTrustedProxies,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  problemInstance,
  problemType,
  requestIdOf,
  trustsHop,
  TrustsHop,
} from '@libs/common';
import {
  AD_BEACON_PARAM,
  AD_BEACON_WINDOW_HOURS,
  AD_CLICK_DESTINATION_PARAM,
  AD_EVENT_KINDS,
  AdEventKind,
  ADS_EVENTS_PATH,
  FieldError,
} from '@libs/contracts';
import { Beacon, BeaconTokens, destinationDigestOf } from '../beacons/beacon-tokens';
import { AdvertisingEnv } from '../config/advertising.config';
import { AdMemory } from '../decisions/ad-memory';
import { PublicAdServer } from '../decisions/public-ad-server';
import { AgencyHours } from './agency-hours';
import { BeaconRecorder } from './beacon-recorder';
import { BeaconTally } from './beacon-tally';
import { parseDataCentreNetworks } from '../config/data-centre-networks';
import { unwantedReasonOf } from './unwanted-beacon';

interface Refusal {
  status: number;
  slug: string;
  detail: string;
  errors?: FieldError[];
}

const WINDOW_MS = AD_BEACON_WINDOW_HOURS * 3_600_000;
/** A beacon decided this much "later" than now is still fresh: instances' clocks differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A click is redirected after this long even if its count has not been committed yet: the reader comes first. */
const CLICK_WAIT_MS = 2000;
/** User agents whose verdict (bot or not) is remembered: the same few browsers send most beacons. */
const USER_AGENTS_KEPT = 10_000;
const BEACON_HEADERS = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };

/**
 * The beacon endpoints, `/v1/ads/events/{impression,viewable,click}?b=<beacon>`, on advertising's
 * public port beside the decisions: GET, or POST with an empty body (`navigator.sendBeacon`).
 * A beacon is opened (its signature checked: forged → 403, nothing stored) and must be younger
 * than `AD_BEACON_WINDOW_HOURS` (older → 403: a replay). Beacons from bots, headless browsers,
 * prefetches, previews and data centres are answered alike but not counted. The others are
 * stored once per beacon and kind (`BeaconRecorder`) and answered 204 once committed; a click
 * answers 302 to the landing page its beacon was signed for, counted or not.
 */
@Injectable()
export class BeaconServer implements OnModuleInit {
  private readonly trusts: TrustsHop;
  private readonly hours = new AgencyHours();
  private readonly judges: { isBot: (userAgent: string) => boolean; inDataCentre: (address: string) => boolean };
  private readonly kinds: Map<string, AdEventKind>;

  constructor(
    private readonly tokens: BeaconTokens,
    private readonly memory: AdMemory,
    private readonly recorder: BeaconRecorder,
    private readonly publicServer: PublicAdServer,
    private readonly tally: BeaconTally,
    env: AdvertisingEnv,
  ) {
    this.trusts = trustsHop(parseTrustedProxies(env.TRUSTED_PROXIES) ?? { kind: 'none' });
    const networks = parseDataCentreNetworks(env.ADVERTISING_DATA_CENTRE_NETWORKS)!;
    const verdicts = new BoundedMap<string, boolean>({ maxEntries: USER_AGENTS_KEPT });
    this.judges = {
      isBot: (userAgent) => {
        let bot = verdicts.get(userAgent, 0);
        if (bot === undefined) verdicts.set(userAgent, (bot = isbot(userAgent)), 0);
        return bot;
      },
      inDataCentre: (address) => networks.contains(address),
    };
    this.kinds = new Map(AD_EVENT_KINDS.map((kind) => [`${ADS_EVENTS_PATH}/${kind}`, kind]));
  }

  onModuleInit(): void {
    this.publicServer.route(`${ADS_EVENTS_PATH}/`, this.serve);
  }

  private readonly serve = (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const kind = this.kinds.get(queryAt < 0 ? url : url.slice(0, queryAt));
    if (!kind)
      return this.refuse(request, response, {
        status: 404,
        slug: 'not-found',
        detail: `beacons are ${ADS_EVENTS_PATH}/${AD_EVENT_KINDS.join('|')}`,
      });
    if (request.method !== 'GET' && request.method !== 'POST') {
      response.setHeader('allow', 'GET, POST');
      return this.refuse(request, response, { status: 405, slug: 'method-not-allowed', detail: 'send GET or POST' });
    }
    const read = this.read(kind, request, queryAt < 0 ? '' : url.slice(queryAt + 1));
    if ('status' in read) return this.refuse(request, response, read);
    const { beacon, destination } = read;
    const now = Date.now();
    const answer = destination === null ? () => this.noContent(response) : () => this.redirect(response, destination);
    if (beacon.decidedAt <= now - WINDOW_MS || beacon.decidedAt > now + CLOCK_SKEW_MS) {
      this.tally.outcome(kind, 'expired');
      // a signed click still takes the reader where the ad promised; it no longer counts
      if (destination !== null) return answer();
      return this.refuse(request, response, {
        status: 403,
        slug: 'beacon-expired',
        detail: `the beacon is older than ${AD_BEACON_WINDOW_HOURS} hours: it was counted then, or never`,
      });
    }
    const address = clientAddressOf(
      request.socket.remoteAddress ?? '',
      request.headers['x-forwarded-for'],
      this.trusts,
    );
    const reason = unwantedReasonOf(request.headers, address, this.judges);
    if (reason) {
      this.tally.outcome(kind, 'filtered');
      this.tally.filtered(reason);
      return answer();
    }
    this.count(kind, beacon, now, answer, (refusal) => this.refuse(request, response, refusal));
  };

  /** The beacon of a request, and for a click its landing page, or why the request is refused. */
  private read(
    kind: AdEventKind,
    request: IncomingMessage,
    query: string,
  ): { beacon: Beacon; destination: string | null } | Refusal {
    const invalid = (errors: FieldError[]): Refusal => ({
      status: 400,
      slug: 'validation-failed',
      detail: 'the beacon request is not valid',
      errors,
    });
    if (
      request.method === 'POST' &&
      (request.headers['transfer-encoding'] || Number(request.headers['content-length'] ?? 0) > 0)
    )
      return invalid([{ field: 'body', message: 'must be empty: the beacon is in the URL' }]);
    const fields = (query === '' ? {} : parseQuery(query)) as Record<string, unknown>;
    const errors: FieldError[] = [];
    for (const field of Object.keys(fields))
      if (field !== AD_BEACON_PARAM && !(kind === 'click' && field === AD_CLICK_DESTINATION_PARAM))
        errors.push({ field, message: 'is not a field of a beacon' });
    const token = fields[AD_BEACON_PARAM];
    const to = fields[AD_CLICK_DESTINATION_PARAM];
    if (typeof token !== 'string' || token === '')
      errors.push({ field: AD_BEACON_PARAM, message: 'must be the beacon the ad decision gave, once' });
    if (kind === 'click' && (typeof to !== 'string' || to === ''))
      errors.push({ field: AD_CLICK_DESTINATION_PARAM, message: "must be the ad's landing page, once" });
    if (errors.length > 0) return invalid(errors);
    const beacon = this.tokens.open(token as string);
    if (!beacon)
      return { status: 403, slug: 'forbidden', detail: 'the beacon is not one this service signed, or was changed' };
    if (kind !== 'click') return { beacon, destination: null };
    const digest = destinationDigestOf(to as string);
    if (!beacon.destinationDigest || !timingSafeEqual(digest, beacon.destinationDigest))
      return invalid([
        { field: AD_CLICK_DESTINATION_PARAM, message: 'is not the landing page this beacon was signed for' },
      ]);
    return { beacon, destination: to as string };
  }

  /** Stores the beacon, then answers; a beacon that cannot be stored now is refused (503), a click redirected. */
  private count(
    kind: AdEventKind,
    beacon: Beacon,
    now: number,
    answer: () => void,
    refuse: (refusal: Refusal) => void,
  ): void {
    const click = kind === 'click';
    const unavailable = (detail: string) => {
      this.tally.outcome(kind, 'unavailable');
      if (click) answer();
      else refuse({ status: 503, slug: 'unavailable', detail });
    };
    const timeZone = this.memory.ready ? this.memory.timeZoneOf(beacon.tenantId) : undefined;
    if (!timeZone) return unavailable("the beacon's agency is not known here yet; retry");
    const { day, hour } = this.hours.hourOf(timeZone, now);
    let timer: NodeJS.Timeout | undefined;
    let answered = false;
    const done = (stored: boolean | 'late') => {
      if (stored !== 'late') clearTimeout(timer);
      if (stored === false) this.tally.outcome(kind, 'unavailable');
      if (answered) return;
      answered = true;
      if (stored === false && !click)
        refuse({ status: 503, slug: 'unavailable', detail: 'the beacon could not be stored; retry' });
      else answer();
    };
    const row = {
      decidedOn: new Date(beacon.decidedAt).toISOString().slice(0, 10),
      beaconId: beacon.beaconId,
      kind,
      tenantId: beacon.tenantId,
      siteId: beacon.siteId,
      orderId: beacon.orderId,
      lineId: beacon.lineId,
      adUnitId: beacon.adUnitId,
      creativeId: beacon.creativeId,
      articleId: beacon.articleId,
      readerHash: beacon.readerHash,
      day,
      hour,
      occurredAt: now,
    };
    if (!this.recorder.record(row, done)) return unavailable('too many beacons are waiting to be stored; retry');
    if (click) timer = setTimeout(() => done('late'), CLICK_WAIT_MS);
  }

  private noContent(response: ServerResponse): void {
    response.writeHead(204, BEACON_HEADERS).end();
  }

  private redirect(response: ServerResponse, destination: string): void {
    response.writeHead(302, { ...BEACON_HEADERS, location: destination, 'content-length': 0 }).end();
  }

  private refuse(request: IncomingMessage, response: ServerResponse, refusal: Refusal): void {
    this.tally.refused(refusal.status);
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
        ...BEACON_HEADERS,
        'content-type': PROBLEM_CONTENT_TYPE,
        'x-request-id': requestId,
        'content-length': Buffer.byteLength(body),
        ...(refusal.status === 503 && { 'retry-after': '1' }),
      })
      .end(body);
  }
}
