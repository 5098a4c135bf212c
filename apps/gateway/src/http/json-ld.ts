import type { FastifyReply } from 'fastify';
import { DomainError, ValidationFailedError } from '@libs/common';
import { FieldError, RpcErrorCode } from '@libs/contracts';

export const JSON_LD = 'application/ld+json';

/** A body sent as JSON-LD (`content-type: application/ld+json`): the document itself, not a JSON envelope. */
export function isJsonLd(contentType: string | undefined): boolean {
  return /^application\/ld\+json\b/i.test(contentType ?? '');
}

/** Whether the client prefers JSON-LD to JSON (`Accept`, with q-values; the first listed wins a tie). */
export function prefersJsonLd(accept: string | undefined): boolean {
  const ranges = (accept ?? '').split(',').map((part, order) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, order };
  });
  const quality = (type: string) => ranges.find((r) => r.type === type) ?? null;
  const ld = quality(JSON_LD);
  const json = quality('application/json');
  if (!ld || ld.q <= 0) return false;
  return !json || ld.q > json.q || (ld.q === json.q && ld.order < json.order);
}

/** Answers `document` as JSON-LD. */
export function sendJsonLd(reply: FastifyReply, document: object): object {
  void reply.header('content-type', `${JSON_LD}; charset=utf-8`);
  return document;
}

/**
 * A refusal of a JSON-LD body: the service names fields inside the envelope's `policy`; the client
 * sent the policy itself, so `policy.permission[0].action` is `permission[0].action` to it.
 */
export function asJsonLdRefusal(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.errors) return error;
  const errors: FieldError[] = error.errors.map((e) => ({
    field: e.field === 'policy' ? 'body' : e.field.replace(/^policy\./, ''),
    message: e.message,
  }));
  return error.code === RpcErrorCode.ValidationFailed ? new ValidationFailedError(errors) : error;
}
