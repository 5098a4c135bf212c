import type { EntityManager } from 'typeorm';
import type { AddressGrantSource } from './address-grant-source';
import type { GrantSource, HeldGrant } from './grant-source';
import { GrantSources } from './grant-sources';

const tx = {} as EntityManager;
const now = new Date(Date.UTC(2026, 10, 1));
const addresses: AddressGrantSource = { coveringAddress: async () => [], publishEnded: async () => 0 };

function source(kind: HeldGrant['source'], reads: string[]): GrantSource {
  return {
    kind,
    heldBy: async () => {
      reads.push(kind);
      return [];
    },
  };
}

describe('GrantSources', () => {
  it('reads subscriptions, then gifts, then group licences, whatever order their modules registered in', async () => {
    const reads: string[] = [];
    const sources = new GrantSources();
    sources.register(source('group', reads));
    sources.register(source('subscription', reads));
    sources.register(source('gift', reads));
    sources.registerAddressGrants(addresses);
    sources.onApplicationBootstrap();
    await sources.heldBy(tx, 'tenant', 'reader:1', now);
    expect(reads).toEqual(['subscription', 'gift', 'group']);
  });

  it('refuses to start without a source of every kind, and a second source of one kind', () => {
    const sources = new GrantSources();
    sources.register(source('subscription', []));
    sources.register(source('group', []));
    expect(() => sources.onApplicationBootstrap()).toThrow('no grant source registered for gift, address grants');
    expect(() => sources.register(source('group', []))).toThrow('a grant source of kind group is already registered');
  });
});
