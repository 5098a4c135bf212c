import type { MeteredRead } from './paywall-rules';
import { SignedTokens } from './signed-tokens';

/** Reads older than any window a policy may use are dropped; at most this many are carried. */
export const METER_MEMORY_DAYS = 92;
export const METER_MAX_READS = 100;

export interface AnonymousMeter {
  tenantId: string;
  anonymousId: string;
  reads: MeteredRead[];
}

type Wire = { v: 1; t: string; a: string; r: [string, number, string][] };

/**
 * An anonymous reader's meter, carried by the reader in a signed token. A forged, tampered,
 * foreign or malformed token reads as no token: the reader starts as a fresh one, never with
 * more free reads than that.
 */
export class MeterTokens {
  constructor(private readonly tokens: SignedTokens) {}

  issue(meter: AnonymousMeter, today: number): string {
    const kept = meter.reads.filter((read) => read.day > today - METER_MEMORY_DAYS && read.day <= today).slice(-METER_MAX_READS);
    const wire: Wire = { v: 1, t: meter.tenantId, a: meter.anonymousId, r: kept.map((read) => [read.article, read.day, read.section ?? '']) };
    return this.tokens.sign('meter', wire);
  }

  read(token: string, tenantId: string): AnonymousMeter | null {
    const wire = this.tokens.verify('meter', token) as Wire | null;
    if (!wire || wire.v !== 1 || wire.t !== tenantId || typeof wire.a !== 'string' || !Array.isArray(wire.r)) return null;
    const reads: MeteredRead[] = [];
    for (const entry of wire.r.slice(-METER_MAX_READS)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1]) || typeof entry[2] !== 'string') return null;
      reads.push({ article: entry[0], day: entry[1], section: entry[2] === '' ? null : entry[2] });
    }
    return { tenantId, anonymousId: wire.a, reads };
  }
}
