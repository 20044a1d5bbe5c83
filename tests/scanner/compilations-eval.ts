import fs from 'node:fs';
import path from 'node:path';
import type { ExtractedDocument, Finding, PiiType } from '../../shared/types.ts';
import { concernThreshold } from '../../electron/core/scanner/suggest.ts';
import type { PiiKind, Truth } from '../fixtures/compilations/generate.ts';

export const compilationsDir = path.resolve(import.meta.dirname, '../fixtures/compilations');

export const compilations = (): { file: string; description: string }[] =>
  JSON.parse(fs.readFileSync(path.join(compilationsDir, 'index.json'), 'utf8')) as { file: string; description: string }[];

export const truthOf = (file: string): Truth =>
  JSON.parse(fs.readFileSync(path.join(compilationsDir, file.replace(/\.\w+$/, '.truth.json')), 'utf8')) as Truth;

const piiTypes: Record<PiiKind, PiiType[]> = { name: ['name'], phone: ['mobile', 'phone'], 'id-card': ['id-card'], address: ['address'], 'bank-card': ['bank-card'] };
const kindOf = (t: PiiType): PiiKind | 'other' => (Object.keys(piiTypes) as PiiKind[]).find((k) => piiTypes[k].includes(t)) ?? 'other';

interface Span {
  start: number;
  end: number;
}

/** The n-th occurrence of a value in the extracted text (the text differs from the written one in whitespace only). */
function locate(text: string, value: string, occurrence: number): Span {
  let at = text.indexOf(value);
  for (let n = 0; n < occurrence && at >= 0; n++) at = text.indexOf(value, at + 1);
  if (at < 0) throw new Error(`"${value}" (occurrence ${occurrence}) is not in the extracted text`);
  return { start: at, end: at + value.length };
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const isConcern = (f: Finding): boolean => !f.negated && f.score >= concernThreshold;
// A name must be found exactly; other values may be found with a little of their label or punctuation.
const slack: Record<PiiKind, number> = { name: 0, phone: 2, 'id-card': 0, address: 4, 'bank-card': 2 };

export interface KindFigures {
  expected: number;
  found: number;
  reported: number;
  wrong: number;
}

export interface CompilationOutcome {
  file: string;
  byKind: Record<PiiKind | 'other', KindFigures>;
  missed: { kind: PiiKind; value: string; context: string }[];
  falsePositives: { piiType: PiiType; term: string; context: string }[];
  maskedFound: { value: string; finding: string }[];
  recall: number;
}

const blank = (): KindFigures => ({ expected: 0, found: 0, reported: 0, wrong: 0 });

/**
 * Recall: a value is found when a finding of its kind covers it (names exactly), as a concern unless the document
 * publishes it on purpose, where any finding will do. Precision: concerns that touch no personal value.
 */
export function evaluate(file: string, doc: ExtractedDocument, findings: Finding[]): CompilationOutcome {
  const truth = truthOf(file);
  const text = doc.text;
  const context = (s: Span) => text.slice(Math.max(0, s.start - 12), s.end + 12).replace(/\n/g, '⏎');
  const pii = findings.filter((f) => f.kind === 'pii' && f.piiType !== null && !f.negated);
  const byKind = { name: blank(), phone: blank(), 'id-card': blank(), address: blank(), 'bank-card': blank(), other: blank() };
  const missed: CompilationOutcome['missed'] = [];
  const personal: Span[] = [];
  for (const item of truth.pii) {
    const span = locate(text, item.value, item.occurrence);
    personal.push(span);
    byKind[item.kind].expected++;
    const found = pii.some(
      (f) => piiTypes[item.kind].includes(f.piiType!) && (item.concern ? isConcern(f) : true) && f.start <= span.start && f.end >= span.end && f.end - f.start - (span.end - span.start) <= slack[item.kind],
    );
    if (found) byKind[item.kind].found++;
    else missed.push({ kind: item.kind, value: item.value, context: context(span) });
  }
  for (const item of truth.tolerated) personal.push(locate(text, item.value, item.occurrence));
  const falsePositives: CompilationOutcome['falsePositives'] = [];
  for (const f of pii.filter(isConcern)) {
    const kind = kindOf(f.piiType!);
    byKind[kind].reported++;
    if (personal.some((p) => overlaps(p, f))) continue;
    byKind[kind].wrong++;
    falsePositives.push({ piiType: f.piiType!, term: f.term, context: context(f) });
  }
  const maskedFound = truth.masked.flatMap((m) => {
    const span = locate(text, m.value, m.occurrence);
    return pii.filter((f) => overlaps(f, span)).map((f) => ({ value: m.value, finding: f.term }));
  });
  const expected = truth.pii.length;
  return { file, byKind, missed, falsePositives, maskedFound, recall: expected ? (expected - missed.length) / expected : 1 };
}
