import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { AdUnitChanged } from '@libs/contracts';
import { AdUnitServingRepository } from './ad-unit-serving.repository';

/**
 * Publishes what units serve on their own (sizes, site, house ads, passback tag), in the
 * transaction that changed them: every instance's ad memory follows these events.
 */
@Injectable()
export class AdUnitServingPublisher {
  constructor(
    private readonly serving: AdUnitServingRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async unitsChanged(tx: EntityManager, tenantId: string, unitIds: string[]): Promise<void> {
    const units = await this.serving.bumpAndRead(tx, tenantId, unitIds);
    if (units.length === 0) return;
    await this.outbox.addAll(
      tx,
      AdUnitChanged,
      units.map(({ tenantId: tenant, data }) => ({ tenantId: tenant, subject: data.adUnitId, data })),
    );
  }

  /** A creative changed (reviewed, edited): the units showing it as a house ad serve anew. */
  async creativeChanged(tx: EntityManager, tenantId: string, creativeId: string): Promise<void> {
    await this.unitsChanged(tx, tenantId, await this.serving.unitsShowing(tx, tenantId, creativeId));
  }
}
