import type { Attribute } from './types.ts';

/**
 * The 附注 on publicity that a 公文 carries under its 成文日期 (seed 001: a proactive 公文 is marked 此件公开发布;
 * GB/T 9704-2012 7.3.7: the 附注 sits in round brackets, indented two characters, on the line below the date).
 * One home for the written forms: the stamp writes them, intake, the rules and the UI read them.
 */
const noteForms: Readonly<Record<Attribute, string>> = {
  proactive: '此件公开发布',
  'on-request': '此件依申请公开',
  withheld: '此件不予公开',
  partial: '此件删减后公开',
};

/** The 附注 as GB/T 9704 writes it: in full-width round brackets. */
export const noteLine = (attribute: Attribute): string => `（${noteForms[attribute]}）`;

/** Wordings seen in the wild besides the written forms, each with the attribute it states. */
const wordings: readonly (readonly [string, Attribute])[] = [
  ['此件公开发布', 'proactive'],
  ['此件主动公开', 'proactive'],
  ['此件依申请公开', 'on-request'],
  ['此件不予公开', 'withheld'],
  ['此件不公开', 'withheld'],
  ['此件暂不公开', 'withheld'],
  ['此件删减后公开', 'partial'],
  ['此件部分公开', 'partial'],
];

/** The field many offices print instead: 公开方式：主动公开. */
const FIELD = /^(?:公开方式|公开属性|信息公开选项|政府信息公开选项|公开类型)[:：](主动公开|依申请公开|不予公开|不公开|部分公开|删减后公开|免予公开)$/;
const fieldValues: Readonly<Record<string, Attribute>> = {
  主动公开: 'proactive',
  依申请公开: 'on-request',
  不予公开: 'withheld',
  不公开: 'withheld',
  免予公开: 'withheld',
  部分公开: 'partial',
  删减后公开: 'partial',
};

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);

/** The attribute a single line states as a 附注, or null: `（此件公开发布）`, `(此件公开发布)`, `此件公开发布`, `公开方式：主动公开`. */
export function noteAttribute(line: string): Attribute | null {
  let s = line.replace(/[\s\u3000]+/g, '');
  const first = s.slice(0, 1);
  const last = s.slice(-1);
  if (OPEN.has(first) !== CLOSE.has(last)) return null;
  if (OPEN.has(first)) s = s.slice(1, -1);
  const worded = wordings.find(([w]) => w === s);
  if (worded) return worded[1];
  const field = FIELD.exec(s);
  return field ? fieldValues[field[1]!]! : null;
}

interface FoundNote {
  /** The line as it stands in the text. */
  line: string;
  /** Index of the line among the text's lines. */
  index: number;
  attribute: Attribute;
}

/**
 * The 附注 line of a text: the last whole line that states an attribute. A sentence that only mentions the mark
 * (凡主动公开的公文，需要在附注部分标注“此件公开发布”字样) is not a line of its own and is never taken.
 */
export function findNote(text: string): FoundNote | null {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const attribute = noteAttribute(lines[i]!);
    if (attribute) return { line: lines[i]!.trim(), index: i, attribute };
  }
  return null;
}

/** Whether a 附注 stating `noted` contradicts the attribute decided; a missing 附注 contradicts nothing (the stamp adds it). */
export const noteContradicts = (attribute: Attribute, noted: Attribute | null): boolean => noted !== null && noted !== attribute;

/** A justification need: the source's 附注 states another attribute than the one decided. */
export interface NoteContradiction {
  kind: 'note-contradicts';
  /** The 附注 line as the source has it. */
  line: string;
  noted: Attribute;
  chosen: Attribute;
}
