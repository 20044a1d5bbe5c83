import { Inflate } from 'fflate';
import { IntakeFailure } from './failure.ts';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Small input steps bound how much one push can expand (deflate tops out near 1:1032). */
const INPUT_STEP = 16 * 1024;

const utf8 = new TextDecoder('utf-8');
const gb18030 = new TextDecoder('gb18030');

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Reads the central directory. Returns null when the archive is not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floor = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const z64 = Number(view.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD) return null;
    count = Number(view.getBigUint64(z64 + 32, true));
    dirOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : gb18030).decode(nameBytes);
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) q += 8;
        if (compressedSize === 0xffffffff && q + 8 <= extraEnd) {
          compressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= extraEnd) localOffset = Number(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, localOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** Counts expanded bytes across every entry of one archive and refuses past the limit. */
export class ExpansionBudget {
  used = 0;
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) throw new IntakeFailure('too-large', 'expanded');
  }
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new IntakeFailure('corrupt');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new IntakeFailure('corrupt');
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry while counting what comes out, so a zip bomb is stopped as it expands,
 * whatever sizes the archive declares. With `keep` false the output is only counted.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: ExpansionBudget, keep = true): Uint8Array {
  if (entry.encrypted) throw new IntakeFailure('encrypted');
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    budget.take(data.length);
    return data;
  }
  if (entry.method !== 8) throw new IntakeFailure('corrupt');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    budget.take(chunk.length);
    total += chunk.length;
    if (keep) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += INPUT_STEP) {
      inflater.push(data.subarray(i, i + INPUT_STEP), i + INPUT_STEP >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof IntakeFailure) throw error;
    throw new IntakeFailure('corrupt');
  }
  if (!keep) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Entry names compare case-insensitively with forward slashes and no leading slash, as OFD paths are written loosely. */
export function normaliseEntryName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}
