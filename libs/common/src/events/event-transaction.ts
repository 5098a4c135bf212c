import type { EntityManager } from 'typeorm';

/**
 * The transaction an event is handled in: the one that records it in the inbox (one per delivery,
 * or per batch). Events controllers hand it to the services they call, in order, and use it for
 * nothing else; what the services write commits with the inbox row, or not at all.
 */
export type EventTransaction = EntityManager;
