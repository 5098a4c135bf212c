import { inflateRawSync } from 'node:zlib';

export const HTML5_ZIP_LIMITS = { maxFiles: 100, maxUncompressedBytes: 2_000_000 };

/**
 * What is wrong with an HTML5 creative's zip, or null: it is a zip (stored or deflated entries), holds
 * at most `maxFiles` entries, none named outside the zip (absolute, `..`, backslashes, drive letters),
 * inflates to at most `maxUncompressedBytes` in all (counted while inflating, whatever the headers
 * declare), and holds the entry file.
 */
export function html5ZipProblem(zip: Buffer, entryFile: string, limits = HTML5_ZIP_LIMITS): string | null {
  const read = readZip(zip, limits);
  if ('problem' in read) return read.problem;
  if (!read.names.has(entryFile)) return `has no ${entryFile}`;
  return null;
}

/**
 * The files of an HTML5 creative's zip, inflated, by their name in it (directories left out); null
 * when the zip is one `html5ZipProblem` refuses. Served by name, never by a path of the disk.
 */
export function html5ZipFiles(zip: Buffer, limits = HTML5_ZIP_LIMITS): Map<string, Buffer> | null {
  const read = readZip(zip, limits);
  return 'problem' in read ? null : read.files;
}

/** Walks the central directory once, inflating each entry within the budget. */
function readZip(
  zip: Buffer,
  limits: typeof HTML5_ZIP_LIMITS,
): { problem: string } | { names: Set<string>; files: Map<string, Buffer> } {
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) return { problem: 'is not a zip file' };
  const count = zip.readUInt16LE(end + 10);
  const directoryAt = zip.readUInt32LE(end + 16);
  if (count > limits.maxFiles) return { problem: `holds ${count} files, more than ${limits.maxFiles}` };
  const tooBig = { problem: `inflates to more than ${limits.maxUncompressedBytes} bytes` };
  let at = directoryAt;
  let budget = limits.maxUncompressedBytes;
  const names = new Set<string>();
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      return { problem: 'has a broken central directory' };
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (unsafeName(name)) return { problem: `holds a file named outside it: ${JSON.stringify(name.slice(0, 100))}` };
    names.add(name);
    if (name.endsWith('/')) continue;
    if (declared > budget) return tooBig;
    if (localAt + 30 > zip.length || zip.readUInt32LE(localAt) !== 0x04034b50) return { problem: 'has a broken entry' };
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + compressed);
    let file: Buffer;
    if (method === 0) file = data;
    else if (method === 8) {
      try {
        file = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? tooBig
          : { problem: 'has an entry that does not inflate' };
      }
    } else return { problem: `uses compression method ${method} (only stored and deflate)` };
    budget -= file.length;
    if (budget < 0) return tooBig;
    files.set(name, file);
  }
  return { names, files };
}

function unsafeName(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((part) => part === '..') ||
    name.includes('\0')
  );
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--)
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}
