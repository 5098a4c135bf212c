import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AdUnitChangedEvent, ServedCreative } from '@libs/contracts';

/** A unit as serving sees it, with the agency it belongs to. */
export interface AdUnitServing {
  tenantId: string;
  data: AdUnitChangedEvent;
}

/** Reads what units serve on their own: sizes, site, house creatives (the approved ones), passback. */
@Injectable()
export class AdUnitServingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bumps the serving version of these units (locking them) and answers what each serves now. */
  async bumpAndRead(tx: EntityManager, tenantId: string, unitIds: string[]): Promise<AdUnitServing[]> {
    if (unitIds.length === 0) return [];
    await tx.query(
      `UPDATE advertising.ad_units SET serving_version = serving_version + 1 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, unitIds],
    );
    return this.read(tx, { tenantId, unitIds });
  }

  /** Every unit ever published, for memory at start (one never published is known from its lines). */
  published(): Promise<AdUnitServing[]> {
    return this.read(this.dataSource.manager, {});
  }

  /** The agency's units that show this creative as a house ad. */
  async unitsShowing(tx: EntityManager, tenantId: string, creativeId: string): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT id FROM advertising.ad_units WHERE tenant_id = $1 AND house_creative_ids @> ARRAY[$2::uuid]`,
      [tenantId, creativeId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  private async read(
    manager: EntityManager,
    filter: { tenantId?: string; unitIds?: string[] },
  ): Promise<AdUnitServing[]> {
    const units = (await manager.query(
      `SELECT id, tenant_id, site_id, code, sizes, active, house_creative_ids, passback_tag, serving_version
       FROM advertising.ad_units
       WHERE ($1::uuid IS NULL OR tenant_id = $1) AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         AND serving_version > 0`,
      [filter.tenantId ?? null, filter.unitIds ?? null],
    )) as UnitRow[];
    const creativeIds = [...new Set(units.flatMap((unit) => unit.house_creative_ids))];
    const creatives = creativeIds.length
      ? ((await manager.query(
          `SELECT id, tenant_id, kind, size, click_url, headline, label, tag, sha256, content_type
           FROM advertising.creatives WHERE status = 'approved' AND id = ANY($1::uuid[])`,
          [creativeIds],
        )) as CreativeRow[])
      : [];
    const byId = new Map(creatives.map((row) => [row.id, row]));
    return units.map((unit) => ({
      tenantId: unit.tenant_id,
      data: {
        adUnitId: unit.id,
        siteId: unit.site_id,
        code: unit.code,
        sizes: unit.sizes,
        active: unit.active,
        houseCreatives: unit.house_creative_ids
          .map((id) => byId.get(id))
          .filter((row): row is CreativeRow => !!row && row.tenant_id === unit.tenant_id)
          .map(servedOf),
        passbackTag: unit.passback_tag,
        version: unit.serving_version,
      },
    }));
  }
}

function servedOf(row: CreativeRow): ServedCreative {
  return {
    creativeId: row.id,
    kind: row.kind,
    size: row.size,
    clickUrl: row.click_url,
    headline: row.headline,
    label: row.label,
    tag: row.tag,
    sha256: row.sha256,
    contentType: row.content_type,
  };
}

interface UnitRow {
  id: string;
  tenant_id: string;
  site_id: string | null;
  code: string;
  sizes: string[];
  active: boolean;
  house_creative_ids: string[];
  passback_tag: string | null;
  serving_version: number;
}

interface CreativeRow {
  id: string;
  tenant_id: string;
  kind: ServedCreative['kind'];
  size: string;
  click_url: string | null;
  headline: string | null;
  label: string | null;
  tag: string | null;
  sha256: string | null;
  content_type: string | null;
}
