import type { EntitySchema, MixedList } from 'typeorm';
import type { ServiceName } from '@libs/contracts';
import type { ServiceEnv } from '../config/service-env';

/** One running instance of a service: which, with what configuration. */
export interface ServiceInstance<E extends ServiceEnv = ServiceEnv> {
  service: ServiceName;
  env: E;
  /** Distinguishes instances in logs and NATS connection names. */
  instanceId: string;
}

/** What the service's app module adds: the tables it owns. */
export interface ServiceOptions extends ServiceInstance {
  entities: MixedList<string | EntitySchema | (new () => unknown)>;
  migrations: MixedList<string | (new () => unknown)>;
}
