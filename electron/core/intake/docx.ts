import mammoth from 'mammoth';
import { ExpansionBudget, inflateEntry, type ZipEntry } from './zip.ts';
import type { Block, FormatReading } from './blocks.ts';

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

const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
const BREAK = '\u2028';
const TAG = /<(\/?)([a-zA-Z0-9]+)((?:\s+[^>]*?)?)\s*(\/?)>|([^<]+)/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos|#39);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos' || e === '#39') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** A line break inside a paragraph joins Chinese directly and Latin words with a space. */
function resolveBreaks(text: string): string {
  return text.replace(new RegExp(`\\s*${BREAK}+\\s*`, 'g'), (match, offset: number) => {
    const before = text[offset - 1] ?? '';
    const after = text[offset + match.length] ?? '';
    return CJK.test(before) || CJK.test(after) || !before || !after ? '' : ' ';
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
  const flush = () => {
    const text = resolveBreaks(buffer).replace(/\s+/g, ' ').trim();
    buffer = '';
    if (!text) return;
    if (row) row.push(text);
    else blocks.push({ text, page: null, kind: noteDepth > 0 ? 'footnote' : kind });
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
          if (/id="[^"]*(footnote|endnote)-\d+"/.test(attributes)) noteDepth++;
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

/**
 * Reads a .docx with mammoth. Every entry is inflated once and counted first, so a zip bomb is
 * refused before mammoth (which trusts the archive) ever sees it.
 */
export async function readDocx(bytes: Uint8Array, entries: ZipEntry[], maxExpandedBytes: number): Promise<FormatReading> {
  const budget = new ExpansionBudget(maxExpandedBytes);
  for (const entry of entries) inflateEntry(bytes, entry, budget, false);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { styleMap, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  return { blocks: htmlToBlocks(result.value), pageCount: null, warnings: [] };
}
