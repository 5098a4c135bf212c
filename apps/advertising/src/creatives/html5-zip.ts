import { inflateRawSync } from 'node:zlib';

export const HTML5_ZIP_LIMITS = { maxFiles: 100, maxUncompressedBytes: 2_000_000 };

/**
 * What is wrong with an HTML5 creative's zip, or null: it is a zip (stored or deflated entries), holds
 * at most `maxFiles` entries, none named outside the zip (absolute, `..`, backslashes, drive letters),
 * inflates to at most `maxUncompressedBytes` in all (counted while inflating, whatever the headers
 * declare), and holds the entry file.
 */
export function html5ZipProblem(zip: Buffer, entryFile: string, limits = HTML5_ZIP_LIMITS): string | null {
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) return 'is not a zip file';
  const count = zip.readUInt16LE(end + 10);
  const directoryAt = zip.readUInt32LE(end + 16);
  if (count > limits.maxFiles) return `holds ${count} files, more than ${limits.maxFiles}`;
  let at = directoryAt;
  let budget = limits.maxUncompressedBytes;
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return 'has a broken central directory';
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (unsafeName(name)) return `holds a file named outside it: ${JSON.stringify(name.slice(0, 100))}`;
    names.add(name);
    if (name.endsWith('/')) continue;
    if (declared > budget) return `inflates to more than ${limits.maxUncompressedBytes} bytes`;
    if (localAt + 30 > zip.length || zip.readUInt32LE(localAt) !== 0x04034b50) return 'has a broken entry';
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + compressed);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) }).length;
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? `inflates to more than ${limits.maxUncompressedBytes} bytes`
          : 'has an entry that does not inflate';
      }
    } else return `uses compression method ${method} (only stored and deflate)`;
    budget -= size;
    if (budget < 0) return `inflates to more than ${limits.maxUncompressedBytes} bytes`;
  }
  if (!names.has(entryFile)) return `has no ${entryFile}`;
  return null;
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
