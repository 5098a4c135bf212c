import { cidrContains, IpAddress } from '@libs/contracts';
import type { TenantMemory } from './tenant-memory';

/** Grants of a reader and of their address that hold at `now`, and what kind of reader that makes. */
export function activeEntitlements(
  tenant: TenantMemory,
  readerKey: string | null,
  address: IpAddress | null,
  now: number,
): { keys: Set<string>; viaSubscription: boolean; viaGroup: boolean } {
  const keys = new Set<string>();
  let viaSubscription = false;
  let viaGroup = false;
  const reader = readerKey === null ? undefined : tenant.readers.get(readerKey);
  for (const grant of reader?.grants ?? []) {
    if (grant.until <= now) continue;
    keys.add(grant.key);
    if (grant.source === 'group') viaGroup = true;
    else viaSubscription = true;
  }
  if (address !== null) {
    for (const grants of tenant.addressGrants.values()) {
      if (grants.validUntil <= now || !grants.ranges.some((range) => cidrContains(range, address))) continue;
      for (const key of grants.entitlements) keys.add(key);
      viaGroup = true;
    }
  }
  return { keys, viaSubscription, viaGroup };
}
