import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NatsContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import { MessageHeader } from '@libs/contracts';
import { runWithContext } from '../context/request-context';
import { ForbiddenError } from '../errors/domain.error';
import { RPC_HANDLER_META, RpcHandlerMeta } from './rpc-handler.decorator';

interface MsgHeaders {
  get(key: string): string;
}

/**
 * Runs every RPC handler inside the request context read from the NATS headers, and refuses a
 * message without a tenant (unless its contract finds it from the request) or from a role the
 * handler does not admit (defence in depth).
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const meta = this.reflector.get<RpcHandlerMeta | undefined>(RPC_HANDLER_META, context.getHandler());
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as MsgHeaders | undefined;
    const header = (name: string) => headers?.get(name) || undefined;
    const tenantId = header(MessageHeader.tenantId);
    const roles = (header(MessageHeader.roles) ?? '').split(',').filter(Boolean);
    const requestContext = {
      requestId: header(MessageHeader.requestId) ?? randomUUID(),
      tenantId,
      actor: header(MessageHeader.actor),
      roles,
    };
    return new Observable((subscriber) =>
      runWithContext(requestContext, () => {
        this.logger.debug(`handling ${context.switchToRpc().getContext<NatsContext>().getSubject()}`);
        if (meta && !tenantId && !meta.contract.tenantFromRequest)
          throw new ForbiddenError('message carries no tenant');
        if (meta && !roles.some((role) => (meta.contract.roles as readonly string[]).includes(role))) {
          throw new ForbiddenError(`role ${roles.join(',') || 'none'} may not call ${meta.contract.subject}`);
        }
        return next.handle().subscribe(subscriber);
      }),
    );
  }
}
