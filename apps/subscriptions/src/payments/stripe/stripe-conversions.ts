/** Stripe's instants are unix seconds. */
export function fromUnix(seconds: number): Date {
  return new Date(seconds * 1000);
}

export function unixOrNull(seconds: number | null | undefined): Date | null {
  return seconds ? fromUnix(seconds) : null;
}

/** The id of an object Stripe gave either by id or expanded. */
export function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}
