import { decodeEntities } from './xml-text.ts';
import { normaliseEntryName } from './zip.ts';

/** Text of the page headers and footers a .docx uses, deduplicated, page numbers left out. */
interface PageFurniture {
  headers: string[];
  footers: string[];
}

const TOKEN = /<([^>]*)(?:>|$)|([^<]+)/g;
const REFERENCE = /<(?:[\w.-]+:)?(header|footer)Reference\b([^>]*)>/g;
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b([^>]*)>/g;
const PAGE_FIELD = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b/i;
/** What is left of a page-number line once its fields are gone: "— —", "第 页 共 页", "Page of", "1/5". */
const NUMBERING_ONLY = /^(?:page|of|[第页共\d\s—–\-－~·•|/／,，.．:：()（）])*$/i;
/** Headers and footers are a line or two; a part holding more than this is not page furniture worth listing. */
const MAX_TEXTS = 40;
const MAX_TEXT_LENGTH = 500;

const localName = (tag: string) => tag.replace(/^\//, '').split(/[\s/]/, 1)[0]!.replace(/^[\w.-]+:/, '');
const attribute = (tag: string, local: string) => new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
const attributeValue = (tag: string, local: string) => {
  const m = attribute(tag, local);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
};

function joinPath(folder: string, target: string): string {
  if (target.startsWith('/')) return normaliseEntryName(target);
  const parts: string[] = [];
  for (const piece of `${folder}${target}`.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece && piece !== '.') parts.push(piece);
  }
  return normaliseEntryName(parts.join('/'));
}

interface Field {
  instruction: string;
  showing: boolean;
}

/**
 * The paragraphs of one header or footer part. Page-number fields (simple or complex) contribute
 * nothing; moved-away text and the Choice half of mc:AlternateContent are skipped as the body
 * reader skips them; a watermark's WordArt (v:textpath) counts as a paragraph of its own.
 */
export function furnitureParagraphs(xml: string): string[] {
  const paragraphs: string[] = [];
  const fields: Field[] = [];
  const simpleFields: string[] = [];
  let buffer = '';
  let inText = false;
  let inInstruction = false;
  let skip = 0;
  let movedAway = 0;
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text) paragraphs.push(text);
  };
  const hidesText = () => simpleFields.some((i) => PAGE_FIELD.test(i)) || fields.some((f) => f.showing && PAGE_FIELD.test(f.instruction));
  for (const match of xml.matchAll(TOKEN)) {
    const tag = match[1];
    if (tag === undefined) {
      if (skip > 0 || movedAway > 0) continue;
      if (inInstruction && fields.length > 0) fields.at(-1)!.instruction += decodeEntities(match[2]!);
      else if (inText && !hidesText()) buffer += decodeEntities(match[2]!);
      continue;
    }
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const closing = tag.startsWith('/');
    const selfClosing = tag.endsWith('/');
    const name = localName(tag);
    if (name === 'Choice') {
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    if (name === 'moveFrom') {
      if (!selfClosing) movedAway = Math.max(0, movedAway + (closing ? -1 : 1));
      continue;
    }
    if (closing) {
      if (name === 't') inText = false;
      else if (name === 'instrText') inInstruction = false;
      else if (name === 'fldSimple') simpleFields.pop();
      else if (name === 'p') flush();
      continue;
    }
    switch (name) {
      case 't':
        inText = !selfClosing;
        break;
      case 'instrText':
        inInstruction = !selfClosing;
        break;
      case 'tab':
      case 'br':
      case 'cr':
        if (movedAway === 0) buffer += ' ';
        break;
      case 'fldSimple':
        if (!selfClosing) simpleFields.push(attributeValue(tag, 'instr') ?? '');
        break;
      case 'fldChar': {
        const type = attributeValue(tag, 'fldCharType');
        if (type === 'begin') fields.push({ instruction: '', showing: false });
        else if (type === 'separate' && fields.length > 0) fields.at(-1)!.showing = true;
        else if (type === 'end') fields.pop();
        break;
      }
      case 'textpath': {
        const text = attributeValue(tag, 'string')?.replace(/\s+/g, ' ').trim();
        if (text) paragraphs.push(text);
        break;
      }
    }
  }
  flush();
  return paragraphs;
}

/** Which header and footer parts the sections point at, in order; every such part when none is referenced. */
function usedParts(documentXml: string, relsXml: string, folder: string, partNames: string[]): { headers: string[]; footers: string[] } {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(RELATIONSHIP)) {
    const id = attributeValue(m[1]!, 'Id');
    const target = attributeValue(m[1]!, 'Target');
    if (id && target && attributeValue(m[1]!, 'TargetMode') !== 'External') targets.set(id, joinPath(folder, target));
  }
  const used = { headers: [] as string[], footers: [] as string[] };
  for (const m of documentXml.matchAll(REFERENCE)) {
    const target = targets.get(attributeValue(m[2]!, 'id') ?? '');
    const list = m[1] === 'header' ? used.headers : used.footers;
    if (target && !list.includes(target)) list.push(target);
  }
  if (used.headers.length + used.footers.length > 0) return used;
  const numbered = (kind: string) => {
    const pattern = new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${kind}(\\d*)\\.xml$`);
    return partNames.filter((n) => pattern.test(n)).sort((a, b) => Number(pattern.exec(a)![1] || 0) - Number(pattern.exec(b)![1] || 0));
  };
  return { headers: numbered('header'), footers: numbered('footer') };
}

const isNumbering = (text: string) => NUMBERING_ONLY.test(text);

function collect(names: string[], parts: Map<string, () => string>, seen: Set<string>): string[] {
  const texts: string[] = [];
  for (const name of names) {
    const xml = parts.get(name)?.();
    if (!xml) continue;
    for (const text of furnitureParagraphs(xml)) {
      const key = text.replace(/\s+/g, '');
      if (isNumbering(text) || seen.has(key) || texts.length >= MAX_TEXTS) continue;
      seen.add(key);
      texts.push(text.slice(0, MAX_TEXT_LENGTH));
    }
  }
  return texts;
}

/** Reads the page headers and footers of a .docx from parts already inflated under the archive's budget. */
export function readPageFurniture(parts: Map<string, () => string>, main: string): PageFurniture {
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = parts.get(`${folder}_rels/${main.slice(folder.length)}.rels`)?.() ?? '';
  const used = usedParts(parts.get(main)?.() ?? '', rels, folder, [...parts.keys()]);
  const seen = new Set<string>();
  const headers = collect(used.headers, parts, seen);
  return { headers, footers: collect(used.footers, parts, seen) };
}
