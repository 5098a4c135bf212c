import { Injectable } from '@nestjs/common';
import { BoundedMap } from '@libs/common';
import { CreativeFileRepository } from './creative-file.repository';
import { html5ZipFiles } from './html5-zip';
import { zipFileTypeOf } from './zip-file-type';

/** One file to serve: its bytes and the type they are served as. */
export interface CreativeFile {
  bytes: Buffer;
  contentType: string;
  /** An HTML5 creative's file (runs in its sandbox), or an image. */
  kind: 'html5' | 'image';
}

type Stored =
  { kind: 'image'; bytes: Buffer; contentType: string } | { kind: 'html5'; files: ReadonlyMap<string, Buffer> };

/**
 * Creatives kept in memory: an image weighs at most 500 kB and an HTML5 zip inflates to at most
 * 2 MB, so this many stay under about 64 MB.
 */
const KEPT_CREATIVES = 32;
/** A creative edited back to review stops being served after at most this long. */
const KEPT_MS = 10 * 60_000;
/** A digest no approved creative has is asked again after this long (a creative may be approved meanwhile). */
const MISSING_MS = 30_000;
const MISSING_KEPT = 10_000;

/**
 * Approved creatives' files by digest, read from the database once and kept in bounded memory
 * (least recently used forgotten first; digests found missing remembered briefly, so unknown ones
 * do not reach the database at every request). Concurrent requests for one digest read it once.
 */
@Injectable()
export class CreativeFileStore {
  private readonly found = new BoundedMap<string, Stored>({ maxEntries: KEPT_CREATIVES, ttlMs: KEPT_MS });
  private readonly missing = new BoundedMap<string, true>({ maxEntries: MISSING_KEPT, ttlMs: MISSING_MS });
  private readonly reading = new Map<string, Promise<Stored | null>>();

  constructor(private readonly files: CreativeFileRepository) {}

  /**
   * The image of the approved creative with this digest (`file` null), or the named file of its
   * HTML5 zip; null when there is none (unknown, not approved, or no such file in it).
   */
  async file(sha256: string, file: string | null): Promise<CreativeFile | null> {
    const stored = await this.stored(sha256);
    if (!stored) return null;
    if (stored.kind === 'image') return file === null ? { ...stored } : null;
    const bytes = file === null ? undefined : stored.files.get(file);
    return bytes ? { kind: 'html5', bytes, contentType: zipFileTypeOf(file!) } : null;
  }

  private async stored(sha256: string): Promise<Stored | null> {
    const kept = this.found.get(sha256);
    if (kept) return kept;
    if (this.missing.has(sha256)) return null;
    let reading = this.reading.get(sha256);
    if (!reading) {
      reading = this.read(sha256).finally(() => this.reading.delete(sha256));
      this.reading.set(sha256, reading);
    }
    return reading;
  }

  private async read(sha256: string): Promise<Stored | null> {
    const row = await this.files.findApprovedBySha256(sha256);
    const files = row?.kind === 'html5' ? html5ZipFiles(row.content) : null;
    const stored: Stored | null = !row
      ? null
      : row.kind === 'html5'
        ? files && { kind: 'html5', files }
        : { kind: 'image', bytes: row.content, contentType: row.contentType };
    if (stored) this.found.set(sha256, stored);
    else this.missing.set(sha256, true);
    return stored;
  }
}
