import { findNote, noteAttribute, noteContradicts, noteLine } from '../../../shared/publicity-note.ts';
import { decodeEntities } from '../intake/xml-text.ts';
import type { Attribute } from '../../../shared/types.ts';
import type { StampAction } from '../../../shared/ipc/forms.ts';

/**
 * The 附注 written into a .docx's word/document.xml as raw XML, so that every byte outside the one paragraph
 * changed or added stays as Word or WPS wrote it (tracked styles, bookmarks, section properties, unknown
 * extensions). A paragraph is located by its tags, its text read from its w:t elements wherever runs split it.
 */

interface XmlParagraph {
  start: number;
  end: number;
  text: string;
}

const PARAGRAPH_TAG = /<w:p(?=[\s>/])[^>]*?(\/?)>|<\/w:p>/g;
const TEXT_ELEMENT = /<w:t(?:\s[^>]*)?\/>|<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g;

const textOf = (xml: string): string => [...xml.matchAll(TEXT_ELEMENT)].map((t) => decodeEntities(t[1] ?? '')).join('');

/** The outermost paragraphs of the body in document order (a text box's paragraphs belong to the one holding it). */
function paragraphs(xml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  let depth = 0;
  let open = -1;
  for (const tag of xml.matchAll(PARAGRAPH_TAG)) {
    const at = tag.index;
    if (tag[0].startsWith('</')) {
      depth--;
      if (depth === 0) out.push({ start: open, end: at + tag[0].length, text: textOf(xml.slice(open, at)) });
    } else if (tag[1] === '/') {
      if (depth === 0) out.push({ start: at, end: at + tag[0].length, text: '' });
    } else {
      if (depth === 0) open = at;
      depth++;
    }
  }
  return out;
}

const DATE = /((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;
const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The 成文日期 paragraph: the one ending in the date intake read, else the last line (not an 印发 line) that ends in a date. */
function dateParagraph(list: readonly XmlParagraph[], dateRaw: string | null): XmlParagraph | null {
  const wanted = dateRaw === null ? null : compact(dateRaw);
  const dated = list.filter((p) => {
    const t = compact(p.text);
    return t.length <= 50 && DATE.test(t) && !t.endsWith('印发');
  });
  return (wanted ? dated.find((p) => compact(p.text).endsWith(wanted)) : undefined) ?? dated.at(-1) ?? null;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The paragraph with its text replaced: the first w:t holds the new text, every other w:t is emptied; runs, run properties and everything else stay. */
function rewritten(paragraph: string, text: string): string {
  let first = true;
  return paragraph.replace(TEXT_ELEMENT, () => {
    if (!first) return '<w:t></w:t>';
    first = false;
    return `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
  });
}

const RUN_PROPERTIES = /<w:rPr>[\s\S]*?<\/w:rPr>|<w:rPr\/>/;

/**
 * A new 附注 paragraph in GB/T 9704 7.3.7 position: the line under the 成文日期, indented two characters, in
 * brackets, in the date's own run properties (font and size) so it prints in the same 仿宋 三号.
 */
function noteParagraph(dateXml: string, text: string): string {
  const firstRun = /<w:r(?=[\s>])[\s\S]*?<\/w:r>/.exec(dateXml)?.[0] ?? '';
  const rPr = RUN_PROPERTIES.exec(firstRun)?.[0] ?? '';
  return `<w:p><w:pPr><w:jc w:val="left"/><w:ind w:left="0" w:right="0" w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

interface Stamped {
  xml: string;
  action: StampAction;
  /** The 附注 the source had, as written; null when it had none. */
  previous: string | null;
  note: string;
}

/**
 * document.xml with a 附注 that states `attribute`: a 附注 stating another attribute is rewritten in place, one
 * that agrees is kept as written, a missing one is added under the 成文日期. Null when there is no 成文日期 to put
 * a missing 附注 under.
 */
export function stampNote(xml: string, attribute: Attribute, dateRaw: string | null): Stamped | null {
  const list = paragraphs(xml);
  const note = noteLine(attribute);
  const found = findNote(list.map((p) => p.text.replace(/\n/g, '')).join('\n'));
  if (found) {
    const p = list[found.index]!;
    const previous = p.text.trim();
    if (!noteContradicts(attribute, noteAttribute(previous))) return { xml, action: 'kept', previous, note: previous };
    return { xml: xml.slice(0, p.start) + rewritten(xml.slice(p.start, p.end), note) + xml.slice(p.end), action: 'replaced', previous, note };
  }
  const date = dateParagraph(list, dateRaw);
  if (!date) return null;
  return { xml: xml.slice(0, date.end) + noteParagraph(xml.slice(date.start, date.end), note) + xml.slice(date.end), action: 'added', previous: null, note };
}
