import { EventContract, register, Type } from './contract-registry';
import type { ServiceName } from './services';

/** `evt.<service>.<aggregate>.<past-tense>.v<major>`, e.g. `evt.gateway.tenant.created.v1`. */
export const EVENT_SUBJECT = /^evt\.([a-z]+)\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v([1-9][0-9]*)$/;

export function defineEvent<Data>(spec: {
  subject: string;
  data: Type<Data>;
  description: string;
}): EventContract<Data> {
  const match = EVENT_SUBJECT.exec(spec.subject);
  if (!match) throw new Error(`bad event subject: ${spec.subject}`);
  return register({ kind: 'event', service: match[1] as ServiceName, dataVersion: match[4], ...spec });
}
