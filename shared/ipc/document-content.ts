import type { CategoryId, Finding, Paragraph, PiiType, Suggestion, Zone } from '../types.ts';

/** The bulky part of a document, immutable once stored: what the workspace draws. */
export interface DocumentContent {
  /** Null when not kept: a classified draft on a computer not declared approved. */
  text: string | null;
  paragraphs: Paragraph[];
  findings: Finding[];
  suggestion: Suggestion;
}

/**
 * DocumentContent as one JSON text with findings and paragraphs in flat number columns over a shared
 * string table. A 300-page document has thousands of findings repeating the same explanations and basis;
 * as objects they cost a structured clone (or the test bridge's serialiser) per value, as one string a copy.
 */
export type PackedContent = string & { readonly packedContent: true };

interface Packed {
  text: string | null;
  strings: string[];
  /** Each finding's basis list, as string indexes, shared between findings. */
  bases: number[][];
  /** PARAGRAPH_FIELDS numbers per paragraph: start, end, page (0: none), zone, kind. */
  paragraphs: number[];
  /** FINDING_FIELDS numbers per finding, see packFinding. */
  findings: number[];
  suggestion: Suggestion;
}

const PARAGRAPH_FIELDS = 5;
const FINDING_FIELDS = 14;
const NONE = -1;

export function packContent(content: DocumentContent): PackedContent {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      stringIndex.set(s, i);
    }
    return i;
  };
  const bases: number[][] = [];
  const basisIndex = new Map<string, number>();
  const basis = (list: string[]) => {
    const key = list.join('\u0000');
    let i = basisIndex.get(key);
    if (i === undefined) {
      i = bases.push(list.map(str)) - 1;
      basisIndex.set(key, i);
    }
    return i;
  };
  const paragraphs: number[] = [];
  for (const p of content.paragraphs) paragraphs.push(p.start, p.end, p.page ?? 0, str(p.zone), str(p.kind));
  const findings: number[] = [];
  for (const f of content.findings) {
    findings.push(
      f.start,
      f.end,
      f.category,
      f.page ?? 0,
      str(f.zone),
      str(f.kind),
      f.piiType === null ? NONE : str(f.piiType),
      f.score,
      f.negated ? 1 : 0,
      str(f.rule),
      str(f.term),
      str(f.explanation),
      basis(f.basis),
      // The scanner's ids are `${rule}:${start}`; only an id of another form is carried.
      f.id === `${f.rule}:${f.start}` ? NONE : str(f.id),
    );
  }
  const packed: Packed = { text: content.text, strings, bases, paragraphs, findings, suggestion: content.suggestion };
  return JSON.stringify(packed) as PackedContent;
}

export function unpackContent(text: PackedContent): DocumentContent {
  const packed = JSON.parse(text) as Packed;
  const { strings } = packed;
  const bases = packed.bases.map((list) => list.map((i) => strings[i]!));
  const paragraphs: Paragraph[] = [];
  const p = packed.paragraphs;
  for (let i = 0; i < p.length; i += PARAGRAPH_FIELDS) {
    paragraphs.push({ start: p[i]!, end: p[i + 1]!, page: p[i + 2] || null, zone: strings[p[i + 3]!] as Zone, kind: strings[p[i + 4]!] as Paragraph['kind'] });
  }
  const findings: Finding[] = [];
  const f = packed.findings;
  for (let i = 0; i < f.length; i += FINDING_FIELDS) {
    const start = f[i]!;
    const rule = strings[f[i + 9]!]!;
    const id = f[i + 13]!;
    findings.push({
      id: id === NONE ? `${rule}:${start}` : strings[id]!,
      category: f[i + 2] as CategoryId,
      term: strings[f[i + 10]!]!,
      start,
      end: f[i + 1]!,
      page: f[i + 3] || null,
      zone: strings[f[i + 4]!] as Zone,
      kind: strings[f[i + 5]!] as Finding['kind'],
      piiType: f[i + 6] === NONE ? null : (strings[f[i + 6]!] as PiiType),
      score: f[i + 7]!,
      negated: f[i + 8] === 1,
      rule,
      explanation: strings[f[i + 11]!]!,
      basis: [...bases[f[i + 12]!]!],
    });
  }
  return { text: packed.text, paragraphs, findings, suggestion: packed.suggestion };
}
