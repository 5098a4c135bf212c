import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '@libs/common';
import { unitAccepts } from './creative-rules';
import { CreativeRepository } from './creative.repository';

/** What a make-good line is given to serve: the short line's creatives its unit accepts. */
@Injectable()
export class MakeGoodCreativesService {
  constructor(
    private readonly creatives: CreativeRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * A make-good line serves the short line's creatives that its unit accepts: each is attached to
   * it (audited as an attachment). Answers the creatives carried over.
   */
  async carryOver(tx: EntityManager, tenantId: string, fromLineId: string, toLineId: string): Promise<string[]> {
    const line = await this.creatives.findLine(tx, tenantId, toLineId);
    if (!line) return [];
    const carried: string[] = [];
    for (const creative of await this.creatives.findAttachedToLine(tx, tenantId, fromLineId)) {
      const fits =
        unitAccepts(line.unitSizes, creative) && (line.unitFormat !== 'native' || creative.placement === 'in-content');
      if (!fits || creative.orderLineIds.includes(toLineId)) continue;
      creative.orderLineIds = [...creative.orderLineIds, toLineId];
      await this.creatives.save(tx, creative);
      await this.audit.record(tx, {
        tenantId,
        action: 'creative.attached',
        targetType: 'creative',
        targetId: creative.id,
        after: { orderLineId: toLineId, makeGoodOf: fromLineId },
      });
      carried.push(creative.id);
    }
    return carried;
  }
}
