import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreativeKind } from '@libs/contracts';

/** An approved creative's stored file, as the public file route serves it. */
export interface ApprovedCreativeFile {
  kind: CreativeKind;
  contentType: string;
  entryFile: string | null;
  content: Buffer;
}

@Injectable()
export class CreativeFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The file of an approved creative whose content has this digest, whichever agency's (the bytes are the same). */
  async findApprovedBySha256(sha256: string): Promise<ApprovedCreativeFile | null> {
    const rows = (await this.dataSource.query(
      `SELECT kind, content_type, entry_file, content FROM advertising.creatives
       WHERE sha256 = $1 AND status = 'approved' AND content IS NOT NULL AND content_type IS NOT NULL LIMIT 1`,
      [sha256],
    )) as { kind: CreativeKind; content_type: string; entry_file: string | null; content: Buffer }[];
    const row = rows[0];
    return row
      ? { kind: row.kind, contentType: row.content_type, entryFile: row.entry_file, content: row.content }
      : null;
  }
}
