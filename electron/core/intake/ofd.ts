import { XMLParser } from 'fast-xml-parser';
import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import { IntakeFailure } from './failure.ts';
import { newTextBlock, pageParagraphs, type PlacedRun } from './layout.ts';
import { ExpansionBudget, inflateEntry, normaliseEntryName, type ZipEntry } from './zip.ts';
import { decodeEntities } from './xml-text.ts';
import type { Block, FormatReading } from './blocks.ts';

type XmlNode = Record<string, unknown>;

/** DOCTYPE entities are never expanded (no entity bombs, no external entities); the predefined ones are decoded here. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: '#text',
  processEntities: false,
  htmlEntities: false,
});

const utf8 = new TextDecoder('utf-8');

/** A crowded A4 page holds a few thousand glyphs; far beyond that a page is built to exhaust memory, not to be read. */
const MAX_PAGE_GLYPHS = 200_000;

/**
 * A page's text node (even with every glyph written as a character reference) stays far below this;
 * the XML parser needs about 60 bytes of heap per character of one text node, so longer ones are refused before parsing.
 */
const MAX_TEXT_NODE = 10 * MAX_PAGE_GLYPHS;

/** Longest run of character data between tags, in UTF-16 units. */
function longestTextNode(xml: string): number {
  let longest = 0;
  let close = xml.indexOf('>');
  while (close >= 0) {
    const open = xml.indexOf('<', close);
    const end = open < 0 ? xml.length : open;
    longest = Math.max(longest, end - close - 1);
    if (open < 0) break;
    close = xml.indexOf('>', open);
  }
  return longest;
}

class OfdPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly parsed = new Map<string, { xml: XmlNode; size: number }>();
  private readonly bytes: Uint8Array;
  private readonly budget: ExpansionBudget;
  constructor(bytes: Uint8Array, entries: ZipEntry[], budget: ExpansionBudget) {
    this.bytes = bytes;
    this.budget = budget;
    for (const entry of entries) this.byName.set(normaliseEntryName(entry.name), entry);
  }
  has(name: string): boolean {
    return this.byName.has(normaliseEntryName(name));
  }
  hasUnder(prefix: string): boolean {
    const p = normaliseEntryName(prefix);
    return [...this.byName.keys()].some((k) => k.startsWith(p));
  }
  /**
   * Each part is inflated and parsed once; a part named again (a thousand pages sharing one
   * Content.xml) is charged to the budget again, so repetition cannot multiply the work unbounded.
   */
  xml(name: string): XmlNode | null {
    const key = normaliseEntryName(name);
    const cached = this.parsed.get(key);
    if (cached) {
      this.budget.take(cached.size);
      return cached.xml;
    }
    const entry = this.byName.get(key);
    if (!entry) return null;
    const data = inflateEntry(this.bytes, entry, this.budget);
    const text = utf8.decode(data);
    if (longestTextNode(text) > MAX_TEXT_NODE) throw new IntakeFailure('too-large', 'page-glyphs');
    let xml: XmlNode;
    try {
      xml = parser.parse(text) as XmlNode;
    } catch {
      throw new IntakeFailure('corrupt');
    }
    this.parsed.set(key, { xml, size: data.length });
    return xml;
  }
}

const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]) as XmlNode[];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => list(node?.[name])[0];
const attr = (node: XmlNode | undefined, name: string): string | undefined => {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? decodeEntities(v) : undefined;
};
const textOf = (node: unknown): string => {
  if (typeof node === 'string') return decodeEntities(node);
  if (node && typeof node === 'object') {
    const t = (node as XmlNode)['#text'];
    return typeof t === 'string' ? decodeEntities(t) : typeof t === 'number' ? String(t) : '';
  }
  return '';
};
const numbers = (value: string | undefined): number[] => (value ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);

/** Resolves an OFD location against the folder of the file that names it; a leading slash means the package root. */
function resolveLocation(base: string, location: string): string {
  const parts = (location.startsWith('/') ? location : `${base}/${location}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
const folderOf = (name: string) => name.split('/').slice(0, -1).join('/');

/** DeltaX/DeltaY lists: "g 3 4.2" repeats 4.2 three times. Only the first `glyphs` steps are ever used, so no more are made. */
function deltas(value: string | undefined, glyphs: number): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < glyphs; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const step = Number(tokens[i + 2]);
      for (let k = 0; k < count && out.length < glyphs; k++) out.push(step);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.map((n) => (Number.isFinite(n) ? n : 0));
}

function textObjectRuns(object: XmlNode, runs: PlacedRun[]): void {
  const [bx = 0, by = 0] = numbers(attr(object, 'Boundary'));
  const ctm = numbers(attr(object, 'CTM'));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const size = (Number(attr(object, 'Size')) || 3.5) * (Math.hypot(c!, d!) || 1);
  let x = 0;
  let y = 0;
  for (const code of list(object['TextCode'])) {
    const text = textOf(code);
    if (runs.length + text.length > MAX_PAGE_GLYPHS) throw new IntakeFailure('too-large', 'page-glyphs');
    const chars = Array.from(text);
    const cx = attr(code, 'X');
    const cy = attr(code, 'Y');
    if (cx !== undefined) x = Number(cx) || 0;
    if (cy !== undefined) y = Number(cy) || 0;
    const dx = deltas(attr(code, 'DeltaX'), chars.length);
    const dy = deltas(attr(code, 'DeltaY'), chars.length);
    chars.forEach((ch, i) => {
      const advance = dx[i] ?? (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1) * (Number(attr(object, 'Size')) || 3.5);
      const px = bx + a! * x + c! * y + e!;
      const py = by + b! * x + d! * y + f!;
      runs.push({ text: ch, x: px, y: py, width: Math.abs(a! * advance), size });
      x += dx[i] ?? advance;
      y += dy[i] ?? 0;
    });
  }
}

function collectRuns(node: unknown, runs: PlacedRun[]): void {
  for (const item of list(node)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key.startsWith('@') || key === '#text') continue;
      if (key === 'TextObject') for (const object of list(value)) textObjectRuns(object, runs);
      else if (key === 'Layer' || key === 'PageBlock') collectRuns(value, runs);
    }
  }
}

/** Reads an OFD (GB/T 33190) package: OFD.xml → Document.xml → each page's Content.xml and its templates. */
export function readOfd(bytes: Uint8Array, entries: ZipEntry[], maxExpandedBytes: number): FormatReading {
  const pkg = new OfdPackage(bytes, entries, new ExpansionBudget(maxExpandedBytes));
  const root = child(pkg.xml('OFD.xml') ?? undefined, 'OFD');
  const body = child(root, 'DocBody');
  const docRoot = textOf(child(body, 'DocRoot')).trim();
  if (!docRoot) throw new IntakeFailure('corrupt');
  const docPath = resolveLocation('', docRoot);
  const document = child(pkg.xml(docPath) ?? undefined, 'Document');
  if (!document) throw new IntakeFailure('corrupt');
  const docDir = folderOf(docPath);
  const templates = new Map<string, string>();
  for (const tpl of list(child(document, 'CommonData')?.['TemplatePage'])) {
    const id = attr(tpl, 'ID');
    const loc = attr(tpl, 'BaseLoc');
    if (id && loc) templates.set(id, resolveLocation(docDir, loc));
  }
  const pages = list(child(document, 'Pages')?.['Page']);
  const blocks: Block[] = [];
  const warnings: string[] = [];
  let unreadable = 0;
  const laidOut = new Map<string, string[]>();
  const textBlock = newTextBlock();
  pages.forEach((pageRef, index) => {
    const loc = attr(pageRef, 'BaseLoc');
    const pagePath = loc ? resolveLocation(docDir, loc) : '';
    const page = loc ? child(pkg.xml(pagePath) ?? undefined, 'Page') : undefined;
    if (!page) {
      unreadable++;
      return;
    }
    let paragraphs = laidOut.get(pagePath);
    if (!paragraphs) {
      const runs: PlacedRun[] = [];
      for (const ref of list(page['Template'])) {
        const tplPath = templates.get(attr(ref, 'TemplateID') ?? '');
        const tpl = tplPath ? child(pkg.xml(tplPath) ?? undefined, 'Page') : undefined;
        if (tpl) collectRuns(tpl['Content'], runs);
      }
      collectRuns(page['Content'], runs);
      paragraphs = pageParagraphs(runs, textBlock);
      laidOut.set(pagePath, paragraphs);
    }
    for (const text of paragraphs) blocks.push({ text, page: index + 1, kind: 'paragraph' });
  });
  if (pages.length > 0 && unreadable === pages.length) throw new IntakeFailure('corrupt');
  if (unreadable > 0) warnings.push(m.ofdUnreadablePages(unreadable));
  const signatures = textOf(child(body, 'Signatures')).trim();
  if ((signatures && pkg.has(resolveLocation('', signatures))) || pkg.hasUnder(`${docDir}/Signs/`)) warnings.push(m.ofdSigned);
  if (!blocks.some((b) => b.text.trim())) throw new IntakeFailure('no-text-layer');
  return { blocks, pageCount: pages.length, warnings };
}
