import { register, RpcContract, Type } from './contract-registry';
import type { CallerRole } from './roles';
import type { ServiceName } from './services';

/** `<service>.<aggregate>.<verb>.v<major>`, e.g. `advertising.booking.create.v1`. */
export const RPC_SUBJECT = /^([a-z]+)\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v([1-9][0-9]*)$/;

export function defineRpc<Req, Res>(spec: {
  subject: string;
  request: Type<Req>;
  response: Type<Res>;
  description: string;
  roles: readonly CallerRole[];
  tenantFromRequest?: true;
}): RpcContract<Req, Res> {
  const match = RPC_SUBJECT.exec(spec.subject);
  if (!match) throw new Error(`bad rpc subject: ${spec.subject}`);
  return register({ kind: 'rpc', service: match[1] as ServiceName, ...spec });
}
