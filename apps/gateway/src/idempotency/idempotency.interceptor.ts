import {
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { ValidationFailedError } from '@libs/common';
import type { AuthenticatedRequest } from '../access/authenticated-request';
import { GatewayEnv } from '../config/gateway.config';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { SHOWN_ONCE_META } from './shown-once.decorator';

const KEY = /^[\x21-\x7e]{1,255}$/;
const WAIT_FOR_FIRST_MS = 10_000;

/**
 * `Idempotency-Key` on any POST: the first request with a key runs, its successful response is
 * stored and replayed to every repeat (`Idempotent-Replayed: true`); a repeat that arrives while
 * the first still runs waits for it. The same key with another body is refused (422). A failed
 * first attempt changed nothing and frees the key. Keys belong to the caller (the user, the API
 * key, or the site key with the client's address), never to the whole agency, and live
 * `IDEMPOTENCY_KEY_RETENTION_HOURS` (24 h): an older key is a new request. An answer holding a
 * secret shown once (`@ShownOnce()`) is not stored: a repeat gets 409 saying so.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly liveHours: number;

  constructor(
    private readonly records: IdempotencyRecordRepository,
    private readonly reflector: Reflector,
    env: GatewayEnv,
  ) {
    this.liveHours = env.IDEMPOTENCY_KEY_RETENTION_HOURS;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new ValidationFailedError([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-255 visible ASCII characters' },
      ]);
    }
    const scope = scopeOf(request);
    const shownOnce = this.reflector.get<boolean | undefined>(SHOWN_ONCE_META, context.getHandler()) === true;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const claimed = await this.records.claim(scope, key, requestHash, this.liveHours);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (claimed) {
      return next.handle().pipe(
        mergeMap(async (body: unknown) => {
          await this.records.complete(scope, key, reply.statusCode, shownOnce ? null : (body ?? null), shownOnce);
          return body;
        }),
        catchError((error: unknown) =>
          from(this.records.release(scope, key)).pipe(mergeMap(() => Promise.reject(error))),
        ),
      );
    }
    const first = await this.awaitFirst(scope, key, requestHash);
    if (first.answerWithheld)
      throw new ConflictException(
        `the first request with this Idempotency-Key succeeded (${first.responseStatus}); its answer held a secret shown once, which is not kept, so it cannot be replayed`,
      );
    void reply.header('idempotent-replayed', 'true');
    return of(first.responseBody);
  }

  private async awaitFirst(scope: string, key: string, requestHash: string): Promise<IdempotencyRecord> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const record = await this.records.findByKey(scope, key);
      if (record && record.requestHash !== requestHash) {
        throw new UnprocessableEntityException('this Idempotency-Key was used with a different request');
      }
      if (record?.state === 'completed') return record;
      if (!record) throw new ConflictException('the first request with this Idempotency-Key failed; retry it');
      if (Date.now() > deadline)
        throw new ConflictException('a request with this Idempotency-Key is still in progress');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Whose key it is: the user, the API key, or the site key with the reader's client address; the address for the unauthenticated. */
function scopeOf(request: AuthenticatedRequest): string {
  const principal = request.principal;
  if (!principal) return `ip:${request.ip}`;
  if (principal.kind === 'site') return `site:${principal.id}:ip:${request.ip}`;
  return `${principal.kind}:${principal.id}`;
}
