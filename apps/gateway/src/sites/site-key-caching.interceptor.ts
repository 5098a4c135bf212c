import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../access/authenticated-request';

/**
 * An answer to a caller authenticated by a site key depends on that key: shared caches must not
 * keep it (`Cache-Control: private`), and a browser's cache keys it by the key (`Vary: X-Site-Key`).
 */
@Injectable()
export class SiteKeyCachingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
      if (request.principal?.kind === 'site') {
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        void reply.header('cache-control', 'private, no-store').header('vary', 'X-Site-Key');
      }
    }
    return next.handle();
  }
}
