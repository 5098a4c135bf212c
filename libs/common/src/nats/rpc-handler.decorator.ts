import { applyDecorators, SetMetadata } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcContract } from '@libs/contracts';

export const RPC_HANDLER_META = 'revenue:rpc-handler';

export interface RpcHandlerMeta {
  /** The contract served; its roles are who may call (the service re-checks what the gateway checked). */
  contract: RpcContract<unknown, unknown>;
}

/**
 * Serves one declared contract. The handler's first parameter must be of the contract's request
 * class (the validation pipe validates against it); the caller comes from the message headers and
 * must hold one of the roles the contract declares.
 */
export function RpcHandler<Req, Res>(contract: RpcContract<Req, Res>) {
  const meta: RpcHandlerMeta = { contract: contract as RpcContract<unknown, unknown> };
  return applyDecorators(SetMetadata(RPC_HANDLER_META, meta), MessagePattern(contract.subject));
}
