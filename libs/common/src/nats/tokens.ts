/** DI token of the process's own NATS connection (see NatsConnectionRef). */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/** DI token of the service's options given to ServiceCoreModule. */
export const SERVICE_OPTIONS = Symbol('SERVICE_OPTIONS');
