import fs from 'node:fs';
import path from 'node:path';
import type { Attribute, Finding, PiiType, ScanResult } from '../../shared/types.ts';
import { concernThreshold } from '../../electron/core/scanner/suggest.ts';
import type { Scanner } from '../../electron/core/scanner/index.ts';

/** What a finding must look like to meet an expectation; `term` is a substring of the finding's text, whitespace ignored. */
interface FindingSpec {
  category?: number;
  piiType?: PiiType;
  term?: string;
}

export interface Expectation {
  attribute: Attribute[];
  /** Each must be met by a concern (not negated, score at or above the threshold). */
  find: FindingSpec[];
  /** Concerns that are acceptable but not required. */
  may?: FindingSpec[];
  /** No concern may meet any of these. */
  notFind?: FindingSpec[];
  /** Text one of the suggestion's warnings must contain. */
  warning?: string;
}

export interface DraftOutcome {
  name: string;
  attribute: Attribute;
  attributeOk: boolean;
  missed: FindingSpec[];
  unexpected: Finding[];
  forbidden: Finding[];
  warningOk: boolean;
  required: number;
  concerns: number;
}

export const heldoutDir = path.resolve(import.meta.dirname, 'heldout');

export const drafts = (): string[] =>
  fs.readdirSync(heldoutDir).filter((f) => f.endsWith('.txt')).sort().map((f) => f.slice(0, -4));

const meets = (f: Finding, s: FindingSpec): boolean =>
  (s.category === undefined || f.category === s.category) &&
  (s.piiType === undefined || f.piiType === s.piiType) &&
  (s.term === undefined || f.term.replace(/\s/g, '').includes(s.term) || s.term.includes(f.term.replace(/\s/g, '')));

function evaluate(name: string, result: ScanResult, expected: Expectation): DraftOutcome {
  const concerns = result.findings.filter((f) => !f.negated && f.score >= concernThreshold);
  const wanted = [...expected.find, ...(expected.may ?? [])];
  return {
    name,
    attribute: result.suggestion.attribute,
    attributeOk: expected.attribute.includes(result.suggestion.attribute),
    missed: expected.find.filter((s) => !concerns.some((f) => meets(f, s))),
    unexpected: concerns.filter((f) => !wanted.some((s) => meets(f, s))),
    forbidden: concerns.filter((f) => (expected.notFind ?? []).some((s) => meets(f, s))),
    warningOk: expected.warning === undefined || result.suggestion.warnings.some((w) => w.includes(expected.warning!)),
    required: expected.find.length,
    concerns: concerns.length,
  };
}

/** A scan of the draft, however it was read, against the expectation beside it. */
export function judgeDraft(name: string, result: ScanResult): DraftOutcome {
  return evaluate(name, result, readExpectation(name));
}

export const readExpectation = (name: string): Expectation => JSON.parse(fs.readFileSync(path.join(heldoutDir, `${name}.json`), 'utf8')) as Expectation;

export function runDraft(scanner: Scanner, name: string): DraftOutcome {
  return judgeDraft(name, scanner.scanText(fs.readFileSync(path.join(heldoutDir, `${name}.txt`), 'utf8')));
}

/** Recall over required findings, precision over reported concerns, and the share of drafts given an expected attribute. */
export function summarise(outcomes: DraftOutcome[]): { recall: number; precision: number; attributes: number } {
  const sum = (pick: (o: DraftOutcome) => number) => outcomes.reduce((n, o) => n + pick(o), 0);
  const required = sum((o) => o.required);
  const reported = sum((o) => o.concerns);
  return {
    recall: required ? (required - sum((o) => o.missed.length)) / required : 1,
    precision: reported ? (reported - sum((o) => o.unexpected.length)) / reported : 1,
    attributes: outcomes.filter((o) => o.attributeOk).length / outcomes.length,
  };
}
