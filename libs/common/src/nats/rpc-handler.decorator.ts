import { applyDecorators, SetMetadata } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcContract } from '@libs/contracts';

export const RPC_HANDLER_META = 'revenue:rpc-handler';

export interface RpcHandlerOptions {
  /** Roles allowed to call; the service re-checks what the gateway already checked. */
  roles: readonly string[];
}

export interface RpcHandlerMeta extends RpcHandlerOptions {
  contract: RpcContract<unknown, unknown>;
}

/**
 * Serves one declared contract. The handler's first parameter must be of the contract's request
 * class (the validation pipe validates against it); the caller comes from the message headers.
 */
export function RpcHandler<Req, Res>(contract: RpcContract<Req, Res>, options: RpcHandlerOptions) {
  const meta: RpcHandlerMeta = { contract: contract as RpcContract<unknown, unknown>, ...options };
  return applyDecorators(SetMetadata(RPC_HANDLER_META, meta), MessagePattern(contract.subject));
}
