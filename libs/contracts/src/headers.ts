/** NATS headers carried by requests and events. */
export const MessageHeader = {
  /** An event's agency (the envelope says it too; both must agree). */
  tenantId: 'x-tenant-id',
  /** Who caused an event (for the audit trail); trusted as far as the event's publisher is. */
  actor: 'x-actor',
  /** Who asks, signed by a service allowed to say so (`CallerSigner`): every request carries it. */
  caller: 'x-caller',
  requestId: 'x-request-id',
} as const;
