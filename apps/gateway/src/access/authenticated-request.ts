import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

/** A request the AccessGuard has authenticated: it carries the principal it found. */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
