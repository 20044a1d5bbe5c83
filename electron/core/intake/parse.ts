import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocFormat, ExtractedDocument, IntakeLimits, IntakeResult, Paragraph } from '../../../shared/types.ts';
import { detect, readableFormats } from './detect.ts';
import { plainTextMaxBytes } from '../../../shared/intake-limits.ts';
import { IntakeFailure, openFailure } from './failure.ts';
import { failed } from './errors.ts';
import { classificationIn, parseMetadata } from '../metadata/index.ts';
import type { FormatReading } from './blocks.ts';
import type { FileTypeKey } from '../../../shared/messages/intake.ts';

type ParseSource = { path: string } | { bytes: Uint8Array };

/** What the worker needs to scan a document it has read: the lexicon, and which edit of it (a new one reloads). */
export interface ScanSetup {
  lexiconDir: string;
  userLexiconDir?: string;
  generation: number;
}

export interface ParseJob {
  source: ParseSource;
  fileName: string;
  limits: IntakeLimits;
  /** Scan the document too, in the same worker and under the same time limit. */
  scan?: ScanSetup;
}

function extensionOf(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return ext.startsWith('.') ? ext.slice(1) : '';
}

/** The extensions each type goes by: a file under one of its own is a format this app does not read, not a misnamed file. */
const ownExtensions: Partial<Record<FileTypeKey, string[]>> = {
  doc: ['doc', 'dot'],
  wps: ['wps', 'wpt'],
  xls: ['xls', 'xlt', 'et'],
  ppt: ['ppt', 'pps', 'dps'],
  ole: ['doc', 'dot', 'wps', 'wpt', 'xls', 'xlt', 'et', 'ppt', 'pps', 'dps'],
  pptx: ['pptx', 'ppsx'],
  odf: ['odt', 'ods', 'odp'],
  epub: ['epub'],
  zip: ['zip'],
  rar: ['rar'],
  '7z': ['7z'],
  gzip: ['gz', 'tgz'],
  rtf: ['rtf'],
  html: ['html', 'htm'],
  mht: ['mht', 'mhtml'],
  xml: ['xml'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  tiff: ['tif', 'tiff'],
  bmp: ['bmp'],
  exe: ['exe', 'dll'],
};
const legacyTypes = new Set<FileTypeKey>(['doc', 'wps', 'xls', 'ppt', 'ole']);

/** Content decides the format; a name that says otherwise is refused rather than guessed around. */
async function read(bytes: Uint8Array, extension: string, limits: IntakeLimits): Promise<{ format: DocFormat; reading: FormatReading }> {
  const found = detect(bytes, extension);
  const ours = (readableFormats as readonly string[]).includes(extension);
  switch (found.kind) {
    case 'other':
      if (ownExtensions[found.type]?.includes(extension)) throw new IntakeFailure('unsupported', legacyTypes.has(found.type) ? 'legacy' : null, found.type);
      throw new IntakeFailure('wrong-type', null, found.type);
    case 'encrypted-office':
      throw new IntakeFailure('encrypted');
    case 'binary':
      if (extension === 'txt') throw new IntakeFailure('wrong-type', null, 'binary');
      throw new IntakeFailure(ours || extension === '' ? 'corrupt' : 'unsupported');
    case 'undecodable':
      if (extension === 'txt' || extension === '') throw new IntakeFailure('corrupt', 'undecodable-text');
      throw new IntakeFailure(ours ? 'corrupt' : 'unsupported');
    case 'broken-zip':
      throw new IntakeFailure(ours || extension === '' ? 'corrupt' : 'unsupported');
  }
  if (extension !== found.kind && extension !== '') {
    if (found.kind === 'txt' && !ours) throw new IntakeFailure('unsupported');
    throw new IntakeFailure('wrong-type', null, found.kind);
  }
  switch (found.kind) {
    case 'docx': {
      const { readDocx } = await import('./docx.ts');
      return { format: 'docx', reading: await readDocx(bytes, found.entries, limits.maxExpandedBytes) };
    }
    case 'xlsx': {
      const { readXlsx } = await import('./xlsx.ts');
      return { format: 'xlsx', reading: await readXlsx(bytes, found.entries, limits.maxExpandedBytes) };
    }
    case 'ofd': {
      const { readOfd } = await import('./ofd.ts');
      return { format: 'ofd', reading: readOfd(bytes, found.entries, limits.maxExpandedBytes) };
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf.ts');
      return { format: 'pdf', reading: await readPdf(bytes) };
    }
    case 'txt': {
      const { readTxt } = await import('./txt.ts');
      return { format: 'txt', reading: readTxt(found.decoded) };
    }
  }
}

/** Characters as people count them (a supplementary character is one), without an array of them all. */
function codePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) pairs++;
  }
  return text.length - pairs;
}

/**
 * Page headers and footers are read by the scanner (zone header/footer) but kept out of 公文 metadata:
 * a "××文件" or "印发" line repeated on every page is not the 版头 or 版记. A 密级 marking is the
 * exception, since templates for classified drafts often print it in the page header.
 */
function assemble(fileName: string, format: DocFormat, byteSize: number, sha256: string, reading: FormatReading): ExtractedDocument {
  const paragraphs: Paragraph[] = [];
  const body: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  for (const block of reading.blocks) {
    if (length > 0) {
      pieces.push('\n');
      length++;
    }
    pieces.push(block.text);
    if (!block.furniture) body.push(paragraphs.length);
    paragraphs.push({ start: length, end: length + block.text.length, page: block.page, zone: block.furniture ?? 'body', kind: block.kind });
    length += block.text.length;
  }
  const text = pieces.join('');
  const parsed = parseMetadata(text, body.map((i) => paragraphs[i]!));
  body.forEach((i, k) => (paragraphs[i] = parsed.paragraphs[k]!));
  const metadata = parsed.metadata;
  if (metadata.classification === null) {
    const header = reading.blocks.find((b) => b.furniture === 'header' && classificationIn(b.text) !== null);
    metadata.classification = header ? classificationIn(header.text) : null;
  }
  return {
    fileName,
    format,
    sha256,
    byteSize,
    text,
    paragraphs,
    pageCount: reading.pageCount,
    charCount: codePoints(text),
    metadata,
    warnings: reading.warnings,
  };
}

/** Reads one file into the document model. Never throws: every failure becomes a per-file error. */
export async function parseJob(job: ParseJob): Promise<IntakeResult> {
  const { fileName, limits } = job;
  let size = 0;
  try {
    let bytes: Uint8Array;
    if ('path' in job.source) {
      try {
        const file = await readFile(job.source.path);
        bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
      } catch (error) {
        throw openFailure(error);
      }
    } else bytes = job.source.bytes;
    size = bytes.length;
    if (size === 0) throw new IntakeFailure('empty');
    if (size > limits.maxBytes) throw new IntakeFailure('too-large');
    if (job.scan && size > plainTextMaxBytes && extensionOf(fileName) === 'txt') throw new IntakeFailure('too-large', 'plain-text');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { format, reading } = await read(bytes, extensionOf(fileName), limits);
    if (job.scan && format === 'txt' && size > plainTextMaxBytes) throw new IntakeFailure('too-large', 'plain-text');
    if (reading.blocks.length === 0) throw new IntakeFailure('empty');
    return { ok: true, document: assemble(fileName, format, size, sha256, reading) };
  } catch (error) {
    const failure = error instanceof IntakeFailure ? error : new IntakeFailure('corrupt');
    return failed(failure, fileName, limits, size);
  }
}
