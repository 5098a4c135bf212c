import { Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TITLES, problemInstance, problemType, requestIdOf } from '@libs/common';
import { ADS_CREATIVES_PATH } from '@libs/contracts';
import { CreativeFile, CreativeFileStore } from '../creatives/creative-file-store';
import { creativeFileOf } from './creative-file-url';

/** A file's URL names its content: it never changes, so anyone may keep it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An image, opened by itself, shows and does nothing else. */
const IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
/**
 * An HTML5 creative runs sandboxed in an opaque origin: its own scripts, styles and media, popups
 * for its click-through, no network calls, no forms, no frames, nothing from elsewhere.
 */
const HTML5_POLICY =
  "default-src 'self' data: blob:; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "connect-src 'none'; form-action 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; " +
  'sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox';

/**
 * Approved creatives' stored files on advertising's public port (`PublicAdServer` hands it the
 * paths under `/v1/ads/creatives/`): `<sha256>` an image, `<sha256>/<file>` a file of an HTML5 zip,
 * content-addressed and cached for good, with their type, a Content-Security-Policy and nosniff.
 * Unknown, unapproved or outside the zip: 404. Bytes come from `CreativeFileStore` (memory, read
 * from the database once); ad decisions never wait on it.
 */
@Injectable()
export class CreativeFilesServer {
  private readonly logger = new Logger(CreativeFilesServer.name);

  constructor(private readonly store: CreativeFileStore) {}

  /** Whether a path is the file route's. */
  static serves(path: string): boolean {
    return path.startsWith(`${ADS_CREATIVES_PATH}/`);
  }

  serve(request: IncomingMessage, response: ServerResponse, path: string): void {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(request, response, 405, 'method-not-allowed', 'ask with GET');
    const named = creativeFileOf(path);
    if (!named) return refuse(request, response, 404, 'not-found', 'no creative file has this address');
    this.store.file(named.sha256, named.file).then(
      (file) =>
        file
          ? send(
              request,
              response,
              file,
              `"${named.sha256}${named.file === null ? '' : `:${encodeURIComponent(named.file)}`}"`,
            )
          : refuse(request, response, 404, 'not-found', 'no approved creative has this file'),
      (error: unknown) => {
        this.logger.error(`creative file ${named.sha256} failed: ${(error as Error).message}`);
        refuse(request, response, 503, 'unavailable', 'the file cannot be read now; retry');
      },
    );
  }
}

function send(request: IncomingMessage, response: ServerResponse, file: CreativeFile, etag: string): void {
  const headers = {
    'content-type': file.contentType,
    'cache-control': IMMUTABLE,
    etag,
    'content-security-policy': file.kind === 'html5' ? HTML5_POLICY : IMAGE_POLICY,
    'x-content-type-options': 'nosniff',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'referrer-policy': 'no-referrer',
  };
  if (request.headers['if-none-match'] === etag) return void response.writeHead(304, headers).end();
  response
    .writeHead(200, { ...headers, 'content-length': file.bytes.length })
    .end(request.method === 'HEAD' ? undefined : file.bytes);
}

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  slug: string,
  detail: string,
): void {
  const requestId = requestIdOf(request.headers);
  const body = JSON.stringify({
    type: problemType(slug),
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    detail,
    instance: problemInstance(request.url ?? '/'),
    requestId,
  });
  response
    .writeHead(status, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'x-request-id': requestId,
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-length': Buffer.byteLength(body),
      ...(status === 405 && { allow: 'GET, HEAD' }),
    })
    .end(request.method === 'HEAD' ? undefined : body);
}
