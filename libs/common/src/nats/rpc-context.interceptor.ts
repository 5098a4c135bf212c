import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NatsContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import { MessageHeader } from '@libs/contracts';
import { runWithContext } from '../context/request-context';
import { ForbiddenError } from '../errors/domain.error';
import { CallerSignatureError, CallerVerifier, VerifiedCaller } from './caller-signature';
import { RPC_HANDLER_META, RpcHandlerMeta } from './rpc-handler.decorator';

interface MsgHeaders {
  get(key: string): string;
}

/**
 * Runs every RPC handler inside the request context of its signed caller: a message whose caller
 * is not signed by a known service (or signed for roles that service may not assert) is refused,
 * as is one without a tenant (unless its contract finds it from the request) or from a role the
 * handler's contract does not admit.
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerVerifier,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const meta = this.reflector.get<RpcHandlerMeta | undefined>(RPC_HANDLER_META, context.getHandler());
    const nats = context.switchToRpc().getContext<NatsContext>();
    const headers = nats.getHeaders() as MsgHeaders | undefined;
    const token = headers?.get(MessageHeader.caller) || undefined;
    let caller: VerifiedCaller | undefined;
    let refusal: Error | undefined;
    try {
      caller = this.callers.verify(token);
    } catch (error) {
      if (!(error instanceof CallerSignatureError)) throw error;
      refusal = new ForbiddenError(error.message);
      this.logger.warn(`refused ${nats.getSubject()}: ${error.message}`);
    }
    const requestContext = {
      requestId: caller?.requestId ?? (headers?.get(MessageHeader.requestId) || randomUUID()),
      tenantId: caller?.tenantId,
      actor: caller?.actor,
      roles: caller?.roles ?? [],
      subjectId: caller?.subjectId,
      callerToken: token,
    };
    return new Observable((subscriber) =>
      runWithContext(requestContext, () => {
        this.logger.debug(`handling ${nats.getSubject()}`);
        if (refusal) throw refusal;
        const roles = requestContext.roles;
        if (meta && !requestContext.tenantId && !meta.contract.tenantFromRequest)
          throw new ForbiddenError('message carries no tenant');
        if (meta && !roles.some((role) => (meta.contract.roles as readonly string[]).includes(role))) {
          throw new ForbiddenError(`role ${roles.join(',') || 'none'} may not call ${meta.contract.subject}`);
        }
        return next.handle().subscribe(subscriber);
      }),
    );
  }
}
