/** NATS headers carried by every request and event, so each service can re-check who asks. */
export const MessageHeader = {
  tenantId: 'x-tenant-id',
  actor: 'x-actor',
  roles: 'x-actor-roles',
  requestId: 'x-request-id',
} as const;
