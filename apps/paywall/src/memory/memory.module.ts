import { Module } from '@nestjs/common';
import { PaywallMemory } from './paywall-memory';

/** What decisions read: one `PaywallMemory` per instance, filled and kept fresh by `LiveState`. */
@Module({
  providers: [PaywallMemory],
  exports: [PaywallMemory],
})
export class MemoryModule {}
