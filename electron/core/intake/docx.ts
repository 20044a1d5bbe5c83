import mammoth from 'mammoth';
import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import { ExpansionBudget, inflateEntry, normaliseEntryName, type ZipEntry } from './zip.ts';
import { pageBreakStyles, readDocxBody, type DocxBody } from './docx-body.ts';
import { placeOnPages } from './docx-pages.ts';
import { readPageFurniture } from './docx-furniture.ts';
import { decodeEntities } from './xml-text.ts';
import type { Block, FormatReading } from './blocks.ts';
import { cjkChar } from '../../../shared/text.ts';

/** Keeps titles and headings, including the Chinese style names Word and WPS write, apart from body text. */
const styleMap = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='标题'] => h1.title:fresh",
  "p[style-name='公文标题'] => h1.title:fresh",
  "p[style-name='文件标题'] => h1.title:fresh",
  "p[style-name='Subtitle'] => h2.subtitle:fresh",
  "p[style-name='副标题'] => h2.subtitle:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
];

const BREAK = '\u2028';
const TAG = /<(\/?)([a-zA-Z0-9]+)((?:\s+[^>]*?)?)\s*(\/?)>|([^<]+)/g;

/** A line break inside a paragraph joins Chinese directly and Latin words with a space. */
function resolveBreaks(text: string): string {
  return text.replace(new RegExp(`(?<!\\s)\\s*${BREAK}+\\s*`, 'g'), (match, offset: number) => {
    const before = text[offset - 1] ?? '';
    const after = text[offset + match.length] ?? '';
    return cjkChar.test(before) || cjkChar.test(after) || !before || !after ? '' : ' ';
  });
}

/** Turns mammoth's HTML, whose shape is small and known, into blocks: one per paragraph, heading, list item, table row or note. */
function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let kind: Block['kind'] = 'paragraph';
  let tableDepth = 0;
  let row: string[] | null = null;
  let skipAnchor = 0;
  let noteDepth = 0;
  let note: string | undefined;
  const flush = () => {
    const text = resolveBreaks(buffer).replace(/\s+/g, ' ').trim();
    buffer = '';
    if (!text) return;
    if (row) row.push(text);
    else if (noteDepth > 0) blocks.push({ text, page: null, kind: 'footnote', note });
    else blocks.push({ text, page: null, kind });
  };
  for (const match of html.matchAll(TAG)) {
    const [, closing, rawName, attributes = '', , text] = match;
    if (text !== undefined) {
      if (skipAnchor === 0) buffer += decodeEntities(text);
      continue;
    }
    const name = rawName!.toLowerCase();
    const isClosing = closing === '/';
    switch (name) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (!isClosing) {
          if (row === null) flush();
          else buffer += buffer ? ' ' : '';
          kind = name === 'p' ? 'paragraph' : /class="title"/.test(attributes) ? 'title' : 'heading';
        } else if (row === null) {
          flush();
          kind = 'paragraph';
        }
        break;
      case 'li':
        flush();
        if (!isClosing) {
          kind = 'list';
          const id = /id="[^"]*?((?:footnote|endnote)-\d+)"/.exec(attributes);
          if (id) {
            noteDepth++;
            note = id[1];
          }
        } else if (noteDepth > 0) noteDepth--;
        if (isClosing) kind = 'paragraph';
        break;
      case 'table':
        if (!isClosing) {
          if (tableDepth === 0) flush();
          tableDepth++;
        } else tableDepth = Math.max(0, tableDepth - 1);
        break;
      case 'tr':
        if (tableDepth > 1) break;
        if (!isClosing) row = [];
        else if (row) {
          const cells = row;
          row = null;
          if (cells.length > 0) blocks.push({ text: cells.join('\t'), page: null, kind: 'table' });
        }
        break;
      case 'td':
      case 'th':
        if (tableDepth > 1) break;
        if (isClosing) flush();
        else buffer = '';
        break;
      case 'br':
        buffer += BREAK;
        break;
      case 'a':
        if (!isClosing && /href="#(footnote|endnote)-ref-/.test(attributes)) skipAnchor++;
        else if (isClosing && skipAnchor > 0) skipAnchor--;
        break;
      default:
        break;
    }
  }
  flush();
  return blocks;
}

const utf8 = new TextDecoder('utf-8');

/** A part is decoded when first asked for and only once: document.xml is read for pages and for header references. */
function once(decode: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= decode());
}

/** The main document part, as the package relationships name it (word/document.xml nearly always). */
function mainPartName(parts: Map<string, () => string>): string {
  const rels = parts.get('_rels/.rels')?.() ?? '';
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (!/Type\s*=\s*"[^"]*\/officeDocument"/.test(m[1]!)) continue;
    const target = /Target\s*=\s*"([^"]+)"/.exec(m[1]!)?.[1];
    if (target) return normaliseEntryName(target);
  }
  return 'word/document.xml';
}

function draftWarnings(body: DocxBody, commentsXml: string | null): string[] {
  const warnings: string[] = [];
  if (body.insertions > 0 || body.deletions > 0) warnings.push(m.docxTrackedChanges(body.insertions, body.deletions, body.deletedChars));
  const comments = commentsXml ? [...commentsXml.matchAll(/<(?:[\w.-]+:)?comment\b[^>]*?(?<!\/)>/g)].length : 0;
  if (comments > 0) warnings.push(m.docxComments(comments));
  return warnings;
}

/**
 * Reads a .docx with mammoth. Every entry is inflated once and counted first, so a zip bomb is
 * refused before mammoth (which trusts the archive) ever sees it; the few XML parts read here for
 * pages, tracked changes, comments and page headers/footers (which mammoth ignores) are kept from that same pass.
 */
export async function readDocx(bytes: Uint8Array, entries: ZipEntry[], maxExpandedBytes: number): Promise<FormatReading> {
  const budget = new ExpansionBudget(maxExpandedBytes);
  const kept = new Map<string, Uint8Array>();
  const wanted = (name: string) =>
    name === '_rels/.rels' || /(^|\/)(document\d*|styles|comments|header\d*|footer\d*)\.xml$/.test(name) || /(^|\/)_rels\/document\d*\.xml\.rels$/.test(name);
  for (const entry of entries) {
    const name = normaliseEntryName(entry.name);
    const data = inflateEntry(bytes, entry, budget, wanted(name));
    if (wanted(name)) kept.set(name, data);
  }
  const parts = new Map([...kept].map(([name, data]) => [name, once(() => utf8.decode(data))] as const));
  const main = mainPartName(parts);
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { styleMap, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  const furniture = readPageFurniture(parts, main);
  const warnings = furniture.headers.length + furniture.footers.length > 0 ? [m.docxPageFurniture([...furniture.headers, ...furniture.footers])] : [];
  const documentXml = parts.get(main)?.();
  let blocks = htmlToBlocks(result.value);
  let pageCount: number | null = null;
  if (documentXml) {
    const body = readDocxBody(documentXml, pageBreakStyles(parts.get(`${folder}styles.xml`)?.() ?? null));
    ({ blocks, pageCount } = placeOnPages(blocks, body));
    warnings.push(...draftWarnings(body, parts.get(`${folder}comments.xml`)?.() ?? null));
  }
  const headers = furniture.headers.map((text): Block => ({ text, page: pageCount === null ? null : 1, kind: 'paragraph', furniture: 'header' }));
  const footers = furniture.footers.map((text): Block => ({ text, page: pageCount, kind: 'paragraph', furniture: 'footer' }));
  return { blocks: [...headers, ...blocks, ...footers], pageCount, warnings };
}
