import type { EventHandlerFn } from '@libs/common';

/**
 * The transaction an event handler is called in (the one that records the event in the inbox).
 * Events controllers only hand it on to services, which hand it to repositories.
 */
export type EventTransaction = Parameters<EventHandlerFn>[1];
