import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking, carried through HTTP, NATS headers and into every log line. */
export interface RequestContext {
  requestId: string;
  tenantId?: string;
  actor?: string;
  roles?: readonly string[];
  /** The partner (advertiser, licensee) the caller acts for, when it is one. */
  subjectId?: string;
  /** The signed caller an RPC arrived with, relayed when the handler calls on with the same caller. */
  callerToken?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
