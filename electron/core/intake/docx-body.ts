import { decodeEntities } from './xml-text.ts';

/** Where pages begin in the text of word/document.xml, and what the draft still carries of its editing. */
export interface DocxBody {
  /** The visible body text with all whitespace removed, in document order, for matching against mammoth's paragraphs. */
  stream: string;
  /** Page runs over `stream`: the page of stream[i] is that of the last segment whose start is ≤ i. */
  segments: { start: number; page: number }[];
  /** Page of each footnote/endnote reference, keyed as mammoth names the note ("footnote-3"). */
  notePages: Map<string, number>;
  /** Page breaks found (explicit, rendered, page-break-before, new-page sections); 0 means the file says nothing of pages. */
  breaks: number;
  pageCount: number;
  insertions: number;
  deletions: number;
  deletedChars: number;
}

const WORD_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const TOKEN = /<([^>]*)(?:>|$)|([^<]+)/g;
const ATTRIBUTE = /(?<![\w:.-])([\w:.-]+)\s*=\s*"([^"]*)"|(?<![\w:.-])([\w:.-]+)\s*=\s*'([^']*)'/g;
const OFF = new Set(['0', 'false', 'off']);

/** The prefix a part binds to one of the namespaces ('' for a default namespace), or the usual one when undeclared. */
function prefixFor(xml: string, namespaces: string[], usual: string): string {
  const head = xml.slice(0, 8192);
  for (const ns of namespaces) {
    const escaped = ns.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const m = new RegExp(`xmlns(?::([\\w.-]+))?\\s*=\\s*["']${escaped}["']`).exec(head);
    if (m) return m[1] ? `${m[1]}:` : '';
  }
  return usual;
}

function attribute(tag: string, name: string): string | undefined {
  for (const m of tag.matchAll(ATTRIBUTE)) if ((m[1] ?? m[3]) === name) return m[2] ?? m[4];
  return undefined;
}

/** An OOXML on/off value: absent means on. */
const onOff = (value: string | undefined) => !OFF.has((value ?? 'true').toLowerCase());
const isOn = (tag: string, w: string) => onOff(attribute(tag, `${w}val`));

/**
 * Paragraph styles that start a new page (w:pageBreakBefore), following w:basedOn; the key '' holds
 * the default paragraph style, which applies to paragraphs without w:pStyle.
 */
export function pageBreakStyles(stylesXml: string | null): Map<string, boolean> {
  const resolved = new Map<string, boolean>();
  if (!stylesXml) return resolved;
  const w = prefixFor(stylesXml, WORD_NS, 'w:');
  const own = new Map<string, { basedOn: string | undefined; breakBefore: boolean | undefined }>();
  let defaultId: string | undefined;
  const styleTag = new RegExp(`<${w}style\\b([^>]*)>([\\s\\S]*?)</${w}style>`, 'g');
  for (const m of stylesXml.matchAll(styleTag)) {
    const tag = m[1]!;
    if (attribute(tag, `${w}type`) !== 'paragraph') continue;
    const id = attribute(tag, `${w}styleId`);
    if (!id) continue;
    if (onOff(attribute(tag, `${w}default`) ?? '0')) defaultId = id;
    const body = m[2]!;
    const basedOn = new RegExp(`<${w}basedOn\\b([^>]*)/?>`).exec(body);
    const breakBefore = new RegExp(`<${w}pageBreakBefore\\b([^>]*)/?>`).exec(body);
    own.set(id, { basedOn: basedOn ? attribute(basedOn[1]!, `${w}val`) : undefined, breakBefore: breakBefore ? isOn(breakBefore[1]!, w) : undefined });
  }
  const resolve = (id: string, seen: Set<string>): boolean => {
    const known = resolved.get(id);
    if (known !== undefined) return known;
    const style = own.get(id);
    if (!style || seen.has(id)) return false;
    seen.add(id);
    const value = style.breakBefore ?? (style.basedOn ? resolve(style.basedOn, seen) : false);
    resolved.set(id, value);
    return value;
  };
  for (const id of own.keys()) resolve(id, new Set());
  if (defaultId) resolved.set('', resolved.get(defaultId) ?? false);
  return resolved;
}

/** How each section starts, in document order, from every w:sectPr that is not the old copy kept by a tracked change. */
function sectionStarts(xml: string, w: string): string[] {
  const types: string[] = [];
  const sect = new RegExp(`<${w}sectPr\\b[^>]*?(?:/>|>([\\s\\S]*?)</${w}sectPr>)`, 'g');
  const change = new RegExp(`<${w}sectPrChange\\b[^>]*>\\s*$`);
  for (const m of xml.matchAll(sect)) {
    if (change.test(xml.slice(Math.max(0, m.index - 300), m.index))) continue;
    const type = new RegExp(`<${w}type\\b([^>]*)/?>`).exec(m[1] ?? '');
    types.push((type ? attribute(type[1]!, `${w}val`) : undefined) ?? 'nextPage');
  }
  return types;
}

/**
 * Walks word/document.xml once. Pages are counted from explicit breaks (w:br w:type="page"),
 * page-break-before (direct or by style), sections that start on a new page, and the breaks Word
 * last rendered (w:lastRenderedPageBreak). Word writes a rendered break right after an explicit one
 * too, so a rendered break that comes before any text following an explicit break is the same page.
 */
export function readDocxBody(xml: string, breakStyles: Map<string, boolean>): DocxBody {
  const w = prefixFor(xml, WORD_NS, 'w:');
  const mc = prefixFor(xml, [MC_NS], 'mc:');
  const sections = sectionStarts(xml, w);
  const name = (local: string) => w + local;
  const [T, P, PPR, PSTYLE, BREAK_BEFORE, BR, RENDERED, SECT, DEL, MOVE_FROM, INS, MOVE_TO, TXBX, FOOTNOTE, ENDNOTE, NB_HYPHEN, SOFT_HYPHEN] = [
    't', 'p', 'pPr', 'pStyle', 'pageBreakBefore', 'br', 'lastRenderedPageBreak', 'sectPr', 'del', 'moveFrom', 'ins', 'moveTo', 'txbxContent', 'footnoteReference', 'endnoteReference', 'noBreakHyphen', 'softHyphen',
  ].map(name);
  /** Old copies kept by tracked formatting changes, and the half of mc:AlternateContent mammoth does not read. */
  const skipped = new Set([`${mc}Choice`, ...['pPrChange', 'rPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange'].map(name)]);

  const chunks: string[] = [];
  let length = 0;
  const segments: { start: number; page: number }[] = [{ start: 0, page: 1 }];
  const notePages = new Map<string, number>();
  let page = 1;
  let breaks = 0;
  let pageHasText = false;
  let awaitRendered = false;
  let skip = 0;
  let textBox = 0;
  let deleted = 0;
  let inText = false;
  let inDeletedText = false;
  let inPPr = false;
  let paragraphPending = false;
  let paragraphStyle = '';
  let paragraphBreak: boolean | undefined;
  let sectionIndex = 0;
  let sectionEnds = false;
  const insertions: boolean[] = [];
  const deletions: boolean[] = [];
  let insertionCount = 0;
  let deletionCount = 0;
  let deletedChars = 0;

  const turnPage = () => {
    page++;
    breaks++;
    pageHasText = false;
    if (segments.at(-1)!.start === length) segments.at(-1)!.page = page;
    else segments.push({ start: length, page });
  };
  const startOnNewPage = (parity: 'odd' | 'even' | null) => {
    if (!pageHasText) return;
    turnPage();
    if ((parity === 'odd' && page % 2 === 0) || (parity === 'even' && page % 2 === 1)) turnPage();
    awaitRendered = true;
  };
  const settleParagraphStart = () => {
    paragraphPending = false;
    const breakBefore = paragraphBreak ?? breakStyles.get(paragraphStyle) ?? false;
    if (breakBefore) startOnNewPage(null);
  };
  const append = (raw: string) => {
    const text = decodeEntities(raw).replace(/\s+/g, '');
    if (!text) return;
    chunks.push(text);
    length += text.length;
    if (textBox === 0) {
      pageHasText = true;
      awaitRendered = false;
    }
    for (let i = 0; i < insertions.length; i++) insertions[i] = true;
  };

  for (const match of xml.matchAll(TOKEN)) {
    const tag = match[1];
    if (tag === undefined) {
      if (skip > 0) continue;
      if (inText && deleted === 0) append(match[2]!);
      else if (inDeletedText || inText) {
        const text = decodeEntities(match[2]!).replace(/\s+/g, '');
        deletedChars += text.length;
        if (text) for (let i = 0; i < deletions.length; i++) deletions[i] = true;
      }
      continue;
    }
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const closing = tag.startsWith('/');
    const selfClosing = tag.endsWith('/');
    const tagName = (closing ? tag.slice(1) : tag).split(/[\s/]/, 1)[0]!;
    if (skipped.has(tagName)) {
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    if (closing) {
      switch (tagName) {
        case T:
          inText = false;
          break;
        case DEL:
        case MOVE_FROM:
          if (deleted > 0) deleted--;
          if (deletions.pop()) deletionCount++;
          break;
        case INS:
        case MOVE_TO:
          if (insertions.pop()) insertionCount++;
          break;
        case TXBX:
          if (textBox > 0) textBox--;
          break;
        case PPR:
          inPPr = false;
          if (textBox === 0 && paragraphPending) settleParagraphStart();
          break;
        case P:
          if (textBox > 0) break;
          if (paragraphPending) settleParagraphStart();
          if (sectionEnds) {
            sectionEnds = false;
            sectionIndex++;
            const next = sections[sectionIndex] ?? 'nextPage';
            if (next === 'nextPage') startOnNewPage(null);
            else if (next === 'oddPage') startOnNewPage('odd');
            else if (next === 'evenPage') startOnNewPage('even');
          }
          break;
        default:
          if (tagName === `${w}delText`) inDeletedText = false;
      }
      continue;
    }
    if (inPPr && textBox === 0) {
      if (tagName === PSTYLE) paragraphStyle = attribute(tag, `${w}val`) ?? '';
      else if (tagName === BREAK_BEFORE) paragraphBreak = isOn(tag, w);
      else if (tagName === SECT) sectionEnds = true;
      continue;
    }
    if (paragraphPending && textBox === 0 && tagName !== PPR) settleParagraphStart();
    switch (tagName) {
      case T:
        if (!selfClosing) inText = true;
        break;
      case `${w}delText`:
        if (!selfClosing) inDeletedText = true;
        break;
      case NB_HYPHEN:
        if (deleted === 0) append('\u2011');
        break;
      case SOFT_HYPHEN:
        if (deleted === 0) append('\u00ad');
        break;
      case P:
        if (selfClosing || textBox > 0) break;
        paragraphPending = true;
        paragraphStyle = '';
        paragraphBreak = undefined;
        break;
      case PPR:
        if (!selfClosing && textBox === 0) inPPr = true;
        break;
      case BR:
        if (textBox === 0 && deleted === 0 && attribute(tag, `${w}type`) === 'page') {
          turnPage();
          awaitRendered = true;
        }
        break;
      case RENDERED:
        if (textBox > 0 || deleted > 0) break;
        if (awaitRendered) awaitRendered = false;
        else turnPage();
        break;
      case DEL:
      case MOVE_FROM:
        if (!selfClosing) {
          deleted++;
          deletions.push(false);
        }
        break;
      case INS:
      case MOVE_TO:
        if (!selfClosing) insertions.push(false);
        break;
      case TXBX:
        if (!selfClosing) textBox++;
        break;
      case FOOTNOTE:
      case ENDNOTE: {
        const id = attribute(tag, `${w}id`);
        if (id !== undefined) notePages.set(`${tagName === FOOTNOTE ? 'footnote' : 'endnote'}-${id}`, page);
        break;
      }
    }
  }
  return { stream: chunks.join(''), segments, notePages, breaks, pageCount: page, insertions: insertionCount, deletions: deletionCount, deletedChars };
}

/** Page of a position in the stream, by binary search over the page runs. */
export function pageAt(body: DocxBody, index: number): number {
  const { segments } = body;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo]!.page;
}
