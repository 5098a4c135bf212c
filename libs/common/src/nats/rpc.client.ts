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
import { RemoteRpcError, ServiceUnavailableError } from '../errors/remote-rpc.error';

interface NestReplyPacket {
  response?: unknown;
  err?: unknown;
}

/**
 * Request-reply over NATS in the packet format of Nest's NATS transport, with a deadline on every
 * call and the caller in the headers. A refusal comes back as {@link RemoteRpcError}.
 */
@Injectable()
export class RpcClient {
  constructor(
    private readonly nats: NatsConnection,
    private readonly timeoutMs: number,
  ) {}

  /** `caller` without a tenant only for contracts that find the tenant from the request (`tenantFromRequest`). */
  async request<Req extends object, Res>(
    contract: RpcContract<Req, Res>,
    payload: Req,
    caller: Caller | TenantlessCaller,
  ): Promise<Res> {
    const h = natsHeaders();
    if ('tenantId' in caller) h.set(MessageHeader.tenantId, caller.tenantId);
    h.set(MessageHeader.actor, caller.actor);
    h.set(MessageHeader.roles, caller.roles.join(','));
    h.set(MessageHeader.requestId, caller.requestId);
    const packet = JSON.stringify({ pattern: contract.subject, data: payload, id: randomUUID() });
    let reply: NestReplyPacket;
    try {
      const msg = await this.nats.request(contract.subject, packet, { timeout: this.timeoutMs, headers: h });
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
}

function describeFailure(error: unknown): string {
  if (error instanceof RequestError && error.isNoResponders()) return 'no service is listening';
  if (error instanceof NoRespondersError) return 'no service is listening';
  if (error instanceof TimeoutError) return 'timed out';
  return error instanceof Error ? error.message : String(error);
}
