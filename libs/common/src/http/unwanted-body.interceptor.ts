import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { ValidationFailedError } from '../errors/domain.error';

/** Parameters through which a handler reads the body: `@Body()`, `@RawBody()`, or the whole `@Req()`. */
const READS_BODY = new Set<number>([RouteParamtypes.BODY, RouteParamtypes.RAW_BODY, RouteParamtypes.REQUEST]);

/**
 * A route that takes no body (an action such as POST …/publish) refuses one that is not empty
 * or `{}`, naming `body`: a client sending fields there meant something the route will not do.
 */
@Injectable()
export class UnwantedBodyInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (isNothing(body) || this.routeTakesBody(context)) return next.handle();
    throw new ValidationFailedError([{ field: 'body', message: 'this route takes no body: send none, or {}' }]);
  }

  private routeTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let takes = this.takesBody.get(handler);
    if (takes === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as object;
      takes = Object.keys(args).some((arg) => READS_BODY.has(Number(arg.split(':')[0])));
      this.takesBody.set(handler, takes);
    }
    return takes;
  }
}

function isNothing(body: unknown): boolean {
  return (
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0)
  );
}
