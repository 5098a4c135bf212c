import { lookup } from 'node:dns/promises';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { forbiddenAddress } from './address-class';

export interface SafeFetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Why an address may not be reached (null: it may); `forbiddenAddress` unless a test narrows it. */
  forbidden?: (address: string) => string | null;
}

/** Why a URL could not be fetched safely (a message to show with the field's name). */
export class UnsafeFetchRefusal extends Error {}

export const CREATIVE_FETCH_LIMITS: SafeFetchLimits = { maxBytes: 500_000, timeoutMs: 10_000, maxRedirects: 3 };

/**
 * GETs a URL on a public address only: http(s), the host resolved here and every address it
 * resolves to checked (no private, loopback, link-local, CGNAT, multicast, unspecified, ULA or
 * mapped address), the connection made to the address checked (so DNS cannot answer differently
 * the second time), redirects followed by hand with the same checks, the body cut off past
 * `maxBytes` and the whole fetch past `timeoutMs`.
 */
export async function safeFetch(url: string, limits: SafeFetchLimits = CREATIVE_FETCH_LIMITS): Promise<Buffer> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const target = parse(current);
    const address = await checkedAddress(target.hostname.replace(/^\[|\]$/g, ''), limits.forbidden ?? forbiddenAddress);
    const response = await get(target, address, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      current = new URL(response.headers.location, target).toString();
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new UnsafeFetchRefusal(`answered ${status}`);
    }
    return readCapped(response, limits.maxBytes, deadline);
  }
  throw new UnsafeFetchRefusal(`redirected more than ${limits.maxRedirects} times`);
}

function parse(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeFetchRefusal('is not an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new UnsafeFetchRefusal('must be http or https');
  if (parsed.username || parsed.password) throw new UnsafeFetchRefusal('must not carry credentials');
  return parsed;
}

async function checkedAddress(
  host: string,
  forbidden: (address: string) => string | null,
): Promise<{ address: string; family: number }> {
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new UnsafeFetchRefusal(`has a host that does not resolve`);
    }
  }
  if (addresses.length === 0) throw new UnsafeFetchRefusal('has a host that does not resolve');
  for (const { address } of addresses) {
    const reason = forbidden(address);
    if (reason) throw new UnsafeFetchRefusal(`points at a ${reason} address`);
  }
  return addresses[0];
}

function get(target: URL, pinned: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      {
        method: 'GET',
        signal,
        headers: { accept: '*/*', 'user-agent': 'advertising-creative-fetch' },
        // connect to the address checked, whatever DNS would answer now
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all)
            (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
          else callback(null, pinned.address, pinned.family);
        },
        ...(target.protocol === 'https:' && !isIP(target.hostname) ? { servername: target.hostname } : {}),
      },
      resolve,
    );
    request.on('error', (error) => reject(new UnsafeFetchRefusal(`could not be fetched (${error.message})`)));
    request.end();
  });
}

function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      response.destroy();
      return reject(new UnsafeFetchRefusal(`is larger than ${maxBytes} bytes`));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    response.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        response.destroy();
        reject(new UnsafeFetchRefusal(`is larger than ${maxBytes} bytes`));
      } else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    const cutOff = () => reject(new UnsafeFetchRefusal(signal.aborted ? 'took too long' : 'was cut off'));
    response.on('error', cutOff);
    response.on('close', () => {
      if (!response.complete) cutOff();
    });
  });
}
