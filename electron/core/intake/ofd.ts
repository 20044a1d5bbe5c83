import { XMLParser } from 'fast-xml-parser';
import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import { IntakeFailure } from './failure.ts';
import { pageParagraphs, type PlacedRun } from './layout.ts';
import { ExpansionBudget, inflateEntry, normaliseEntryName, type ZipEntry } from './zip.ts';
import type { Block, FormatReading } from './blocks.ts';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: false,
});

const utf8 = new TextDecoder('utf-8');

class OfdPackage {
  private readonly byName = new Map<string, ZipEntry>();
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
  xml(name: string): XmlNode | null {
    const entry = this.byName.get(normaliseEntryName(name));
    if (!entry) return null;
    const text = utf8.decode(inflateEntry(this.bytes, entry, this.budget));
    try {
      return parser.parse(text) as XmlNode;
    } catch {
      throw new IntakeFailure('corrupt');
    }
  }
}

const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]) as XmlNode[];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => list(node?.[name])[0];
const attr = (node: XmlNode | undefined, name: string): string | undefined => {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
};
const textOf = (node: unknown): string => {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    const t = (node as XmlNode)['#text'];
    return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
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

/** DeltaX/DeltaY lists: "g 3 4.2" repeats 4.2 three times. */
function deltas(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const step = Number(tokens[i + 2]);
      for (let k = 0; k < count && k < 100000; k++) out.push(step);
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
    const chars = Array.from(textOf(code));
    const cx = attr(code, 'X');
    const cy = attr(code, 'Y');
    if (cx !== undefined) x = Number(cx) || 0;
    if (cy !== undefined) y = Number(cy) || 0;
    const dx = deltas(attr(code, 'DeltaX'));
    const dy = deltas(attr(code, 'DeltaY'));
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
  pages.forEach((pageRef, index) => {
    const loc = attr(pageRef, 'BaseLoc');
    const pagePath = loc ? resolveLocation(docDir, loc) : '';
    const page = loc ? child(pkg.xml(pagePath) ?? undefined, 'Page') : undefined;
    if (!page) {
      unreadable++;
      return;
    }
    const runs: PlacedRun[] = [];
    for (const ref of list(page['Template'])) {
      const tplPath = templates.get(attr(ref, 'TemplateID') ?? '');
      const tpl = tplPath ? child(pkg.xml(tplPath) ?? undefined, 'Page') : undefined;
      if (tpl) collectRuns(tpl['Content'], runs);
    }
    collectRuns(page['Content'], runs);
    for (const text of pageParagraphs(runs)) blocks.push({ text, page: index + 1, kind: 'paragraph' });
  });
  if (pages.length > 0 && unreadable === pages.length) throw new IntakeFailure('corrupt');
  if (unreadable > 0) warnings.push(m.ofdUnreadablePages(unreadable));
  const signatures = textOf(child(body, 'Signatures')).trim();
  if ((signatures && pkg.has(resolveLocation('', signatures))) || pkg.hasUnder(`${docDir}/Signs/`)) warnings.push(m.ofdSigned);
  if (!blocks.some((b) => b.text.trim())) throw new IntakeFailure('no-text-layer');
  return { blocks, pageCount: pages.length, warnings };
}
