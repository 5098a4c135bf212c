import type { CallerRole } from './roles';
import type { ServiceName } from './services';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Type<T> = new (...args: any[]) => T;

export interface RpcContract<Req, Res> {
  readonly kind: 'rpc';
  readonly subject: string;
  readonly service: ServiceName;
  readonly request: Type<Req>;
  readonly response: Type<Res>;
  readonly description: string;
  /**
   * Who may call: the gateway admits only these roles (a site key counts as `reader`) and the
   * serving handler checks them again from the signed caller.
   */
  readonly roles: readonly CallerRole[];
  /**
   * The request itself names its tenant (a gift code, whose hash is unique across agencies):
   * the message may come without a tenant header, and the handler scopes all it does to the
   * tenant it finds. Rare and deliberate; a house rule lists these contracts.
   */
  readonly tenantFromRequest?: true;
}

export interface EventContract<Data> {
  readonly kind: 'event';
  readonly subject: string;
  readonly service: ServiceName;
  readonly data: Type<Data>;
  readonly dataVersion: string;
  readonly description: string;
}

export type AnyContract = RpcContract<unknown, unknown> | EventContract<unknown>;

const declared: AnyContract[] = [];

/** Every contract declared so far (all of them once `@libs/contracts` is imported). */
export function allContracts(): readonly AnyContract[] {
  return declared;
}

export function register<C extends AnyContract>(contract: C): C {
  if (declared.some((c) => c.subject === contract.subject)) {
    throw new Error(`contract subject declared twice: ${contract.subject}`);
  }
  declared.push(contract);
  return contract;
}
