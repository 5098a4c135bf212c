/** The pay page form's fields, as posted; anything else in the body is ignored, nothing here is trusted yet. */
export interface PayerForm {
  token?: unknown;
  rail?: unknown;
  lang?: unknown;
}

export function payerFormOf(body: unknown): PayerForm {
  if (!body || typeof body !== 'object') return {};
  const { token, rail, lang } = body as Record<string, unknown>;
  return { token, rail, lang };
}
