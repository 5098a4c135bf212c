import { Injectable } from '@nestjs/common';
import {
  headers as natsHeaders,
  NatsConnection,
  NoRespondersError,
  RequestError,
  TimeoutError,
} from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { isRpcErrorBody, MessageHeader, RpcContract } from '@libs/contracts';
import { Caller, TenantlessCaller } from '../context/caller';
import { currentContext } from '../context/request-context';
import { CallerSigner } from './caller-signature';
import { RemoteRpcError, ServiceUnavailableError } from '../errors/remote-rpc.error';

interface NestReplyPacket {
  response?: unknown;
  err?: unknown;
}

/**
 * Request-reply over NATS in the packet format of Nest's NATS transport, with a deadline on every
 * call and the caller signed in the headers: the signed caller this service was called with when
 * it calls on for the same caller, else one it signs itself. A refusal comes back as
 * {@link RemoteRpcError}.
 */
@Injectable()
export class RpcClient {
  constructor(
    private readonly nats: NatsConnection,
    private readonly timeoutMs: number,
    private readonly signer: CallerSigner | null,
  ) {}

  /**
   * `caller` without a tenant only for contracts that find the tenant from the request
   * (`tenantFromRequest`); `timeoutMs` only for a call known to wait on someone slower than the
   * bus (a provider's API), instead of `RPC_TIMEOUT_MS`.
   */
  async request<Req extends object, Res>(
    contract: RpcContract<Req, Res>,
    payload: Req,
    caller: Caller | TenantlessCaller,
    options: { timeoutMs?: number } = {},
  ): Promise<Res> {
    const h = natsHeaders();
    h.set(MessageHeader.caller, this.signedCaller(caller, contract.subject));
    h.set(MessageHeader.requestId, caller.requestId);
    const packet = JSON.stringify({ pattern: contract.subject, data: payload, id: randomUUID() });
    let reply: NestReplyPacket;
    try {
      const msg = await this.nats.request(contract.subject, packet, {
        timeout: options.timeoutMs ?? this.timeoutMs,
        headers: h,
      });
      reply = msg.json<NestReplyPacket>();
    } catch (error) {
      throw new ServiceUnavailableError(contract.subject, describeFailure(error));
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcErrorBody(reply.err)) throw new RemoteRpcError(contract.subject, reply.err);
      throw new ServiceUnavailableError(contract.subject, `unexpected error reply ${JSON.stringify(reply.err)}`);
    }
    return reply.response as Res;
  }

  private signedCaller(caller: Caller | TenantlessCaller, subject: string): string {
    const context = currentContext();
    if (context?.callerToken && sameCaller(context, caller)) return context.callerToken;
    if (!this.signer) throw new ServiceUnavailableError(subject, 'this service has no key to sign a caller of its own');
    return this.signer.sign(caller);
  }
}

function sameCaller(
  context: { tenantId?: string; actor?: string; roles?: readonly string[]; subjectId?: string },
  caller: Caller | TenantlessCaller,
): boolean {
  return (
    context.tenantId === ('tenantId' in caller ? caller.tenantId : undefined) &&
    context.actor === caller.actor &&
    context.subjectId === caller.subjectId &&
    (context.roles ?? []).join(',') === caller.roles.join(',')
  );
}

function describeFailure(error: unknown): string {
  if (error instanceof RequestError && error.isNoResponders()) return 'no service is listening';
  if (error instanceof NoRespondersError) return 'no service is listening';
  if (error instanceof TimeoutError) return 'timed out';
  return error instanceof Error ? error.message : String(error);
}
