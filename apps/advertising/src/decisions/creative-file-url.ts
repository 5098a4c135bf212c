import { ADS_CREATIVES_PATH, CreativeKind } from '@libs/contracts';

const SHA256 = /^[0-9a-f]{64}$/;

/** Where a page fetches a stored creative's file: absolute, under `base` (no trailing slash); null for a tag. */
export function creativeFileUrl(
  base: string,
  creative: { kind: CreativeKind; sha256: string | null; entryFile?: string | null },
): string | null {
  if (!creative.sha256 || creative.kind === 'tag') return null;
  const at = `${base}${ADS_CREATIVES_PATH}/${creative.sha256}`;
  if (creative.kind !== 'html5') return at;
  return `${at}/${(creative.entryFile ?? 'index.html').split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The creative file a path of the public server names: `<ADS_CREATIVES_PATH>/<sha256>` (an image) or
 * `…/<sha256>/<file>` (a file of an HTML5 zip, percent-decoded). Null for anything else, a file
 * name reaching outside its zip (`..`, `.`, empty parts, a backslash, NUL) included.
 */
export function creativeFileOf(path: string): { sha256: string; file: string | null } | null {
  const prefix = `${ADS_CREATIVES_PATH}/`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  const sha256 = slash < 0 ? rest : rest.slice(0, slash);
  if (!SHA256.test(sha256)) return null;
  if (slash < 0) return { sha256, file: null };
  let file: string;
  try {
    file = decodeURIComponent(rest.slice(slash + 1));
  } catch {
    return null;
  }
  const parts = file.split('/');
  if (file.includes('\\') || file.includes('\0') || parts.some((part) => part === '' || part === '.' || part === '..'))
    return null;
  return { sha256, file };
}
