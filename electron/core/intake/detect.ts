import type { DocFormat } from '../../../shared/types.ts';
import type { FileTypeKey } from '../../../shared/messages/intake.ts';
import { isZip, normaliseEntryName, readZipDirectory, type ZipEntry } from './zip.ts';
import { decodeText, type DecodedText } from './text-decoding.ts';

type Detected =
  | { kind: 'docx' | 'xlsx' | 'ofd'; entries: ZipEntry[] }
  | { kind: 'pdf' }
  | { kind: 'txt'; decoded: DecodedText }
  | { kind: 'other'; type: FileTypeKey }
  | { kind: 'encrypted-office' }
  | { kind: 'broken-zip' }
  | { kind: 'binary' }
  | { kind: 'undecodable' };

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) needle[i * 2] = word.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** OLE2 directory entries carry UTF-16LE stream names; these names tell the Office binaries apart. */
function classifyOle(bytes: Uint8Array, extension: string): Detected {
  if (containsUtf16(bytes, 'EncryptedPackage')) return { kind: 'encrypted-office' };
  if (containsUtf16(bytes, 'WordDocument')) return { kind: 'other', type: extension === 'wps' ? 'wps' : 'doc' };
  if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return { kind: 'other', type: 'xls' };
  if (containsUtf16(bytes, 'PowerPoint Document')) return { kind: 'other', type: 'ppt' };
  return { kind: 'other', type: extension === 'wps' ? 'wps' : 'ole' };
}

function classifyZip(bytes: Uint8Array): Detected {
  const entries = readZipDirectory(bytes);
  if (!entries) return { kind: 'broken-zip' };
  const names = new Set(entries.map((e) => normaliseEntryName(e.name)));
  if (names.has('ofd.xml')) return { kind: 'ofd', entries };
  if (names.has('word/document.xml')) return { kind: 'docx', entries };
  if (names.has('xl/workbook.xml')) return { kind: 'xlsx', entries };
  if ([...names].some((n) => n.startsWith('xl/'))) return { kind: 'broken-zip' };
  if ([...names].some((n) => n.startsWith('ppt/'))) return { kind: 'other', type: 'pptx' };
  if (names.has('mimetype')) return { kind: 'other', type: names.has('meta-inf/container.xml') ? 'epub' : 'odf' };
  return { kind: 'other', type: 'zip' };
}

function classifyMarkup(head: string): FileTypeKey | null {
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('mime-version:')) return 'mht';
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  if (start.startsWith('<?xml')) return /<html[\s>]/.test(head.toLowerCase()) ? 'html' : 'xml';
  return null;
}

/** Decides what a file is from its bytes alone. */
export function detect(bytes: Uint8Array, extension: string): Detected {
  if (isZip(bytes)) return classifyZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return classifyOle(bytes, extension);
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'other', type: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'other', type: 'jpeg' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { kind: 'other', type: 'gif' };
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return { kind: 'other', type: 'tiff' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 6 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(2, true) === bytes.length) return { kind: 'other', type: 'bmp' };
  if (ascii(bytes, 0, 4) === 'Rar!') return { kind: 'other', type: 'rar' };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return { kind: 'other', type: '7z' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'other', type: 'gzip' };
  if (ascii(bytes, 0, 4) === '\x7fELF' || (ascii(bytes, 0, 2) === 'MZ' && ascii(bytes, 0, 1024).includes('This program cannot be run'))) return { kind: 'other', type: 'exe' };
  if (ascii(bytes, 0, 5) === '{\\rtf') return { kind: 'other', type: 'rtf' };
  const decoded = decodeText(bytes);
  if (typeof decoded === 'string') return { kind: decoded };
  const markup = classifyMarkup(decoded.text.slice(0, 4096));
  if (markup) return { kind: 'other', type: markup };
  return { kind: 'txt', decoded };
}

export const readableFormats: readonly DocFormat[] = ['docx', 'xlsx', 'pdf', 'ofd', 'txt'];
