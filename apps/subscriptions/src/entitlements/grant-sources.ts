import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IpAddress } from '@libs/contracts';
import type { AddressGrantSource } from './address-grant-source';
import type { GrantSource, HeldGrant, HeldGroupLicence } from './grant-source';

/** The order sources are read in, whatever order their modules started in. */
const READ_ORDER: readonly HeldGrant['source'][] = ['subscription', 'gift', 'group'];

/**
 * The features whose rows grant entitlements, registered by their modules as they start
 * (`onModuleInit`): entitlements depends on this port, never on those features. A service
 * missing one of them refuses to start rather than publish grants without it.
 */
@Injectable()
export class GrantSources implements OnApplicationBootstrap {
  private readonly byKind = new Map<HeldGrant['source'], GrantSource>();
  private addressGrants?: AddressGrantSource;

  register(source: GrantSource): void {
    if (this.byKind.has(source.kind)) throw new Error(`a grant source of kind ${source.kind} is already registered`);
    this.byKind.set(source.kind, source);
  }

  registerAddressGrants(source: AddressGrantSource): void {
    if (this.addressGrants) throw new Error('an address grant source is already registered');
    this.addressGrants = source;
  }

  onApplicationBootstrap(): void {
    const missing: string[] = READ_ORDER.filter((kind) => !this.byKind.has(kind));
    if (!this.addressGrants) missing.push('address grants');
    if (missing.length > 0) throw new Error(`no grant source registered for ${missing.join(', ')}`);
  }

  /** Every grant a reader holds, read inside the caller's transaction, source after source in one order. */
  async heldBy(tx: EntityManager, tenantId: string, readerKey: string, now: Date): Promise<HeldGrant[]> {
    const held: HeldGrant[] = [];
    for (const kind of READ_ORDER) held.push(...(await this.source(kind).heldBy(tx, tenantId, readerKey, now)));
    return held;
  }

  coveringAddress(tenantId: string, address: IpAddress, now: Date): Promise<HeldGroupLicence[]> {
    return this.addressSource().coveringAddress(tenantId, address, now);
  }

  publishEndedAddressGrants(now: Date, limit: number): Promise<number> {
    return this.addressSource().publishEnded(now, limit);
  }

  private source(kind: HeldGrant['source']): GrantSource {
    const source = this.byKind.get(kind);
    if (!source) throw new Error(`no grant source registered for ${kind}`);
    return source;
  }

  private addressSource(): AddressGrantSource {
    if (!this.addressGrants) throw new Error('no address grant source registered');
    return this.addressGrants;
  }
}
