// The real published documents in ../shared/real-docs, run through intake and the scanner exactly as
// `disclosure-desk scan` runs them, and judged against tests/realdocs/expectations.tsv (our own data).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attribute, DocumentMetadata, Finding, IntakeResult, PiiType, ScanResult, Suggestion } from '../../shared/types.ts';
import { extractFile } from '../helpers/intake.ts';
import { createScanner } from '../../electron/core/scanner/index.ts';
import { kitPath } from '../helpers/kit.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const realDocsDir = kitPath('real-docs');
export const expectationsFile = path.join(here, 'expectations.tsv');

export interface Expectation {
  file: string;
  /** The same document in another form (a gov.cn page and its article body). */
  pair: string | null;
  /** `read`, or the legacy format whose error line is expected (`doc`, `xls`). */
  outcome: 'read' | { error: string };
  attributes: Attribute[];
  normative: boolean;
  /** Personal data the published copy itself prints; a finding of these types is correct, not false. */
  publishedPii: PiiType[];
  title: string | null;
  docNumber: string | null;
  date: string | null;
  /**
   * A documented disagreement on the attribute: the suggestion is expected to differ, for the reason given,
   * and the test says so when the tool starts agreeing. It still counts as a miss in the figures.
   */
  knownMiss: string | null;
  note: string;
}

const attributeKeys: readonly Attribute[] = ['proactive', 'partial', 'on-request', 'withheld'];

export function readExpectations(file = expectationsFile): Expectation[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const columns = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const cell = (name: string) => {
      const i = columns.indexOf(name);
      if (i < 0) throw new Error(`expectations.tsv has no column ${name}`);
      return (cells[i] ?? '').trim();
    };
    const list = (name: string) => cell(name).split(',').map((s) => s.trim()).filter(Boolean);
    const attributes = list('attributes') as Attribute[];
    for (const a of attributes) if (!attributeKeys.includes(a)) throw new Error(`${cell('file')}: unknown attribute ${a}`);
    const outcome = cell('outcome');
    return {
      file: cell('file'),
      pair: cell('pair') || null,
      outcome: outcome === 'read' ? 'read' : { error: outcome.replace(/^error:/, '') },
      attributes,
      normative: cell('normative') === 'yes',
      publishedPii: list('published_pii') as PiiType[],
      title: cell('title') || null,
      docNumber: cell('doc_number') || null,
      date: cell('date') || null,
      knownMiss: cell('known_miss') || null,
      note: cell('note'),
    };
  });
}

export interface Outcome {
  file: string;
  intake: IntakeResult;
  scan: ScanResult | null;
  /** Time the main thread spent scanning it. */
  scanMs: number;
}

/**
 * Extraction is queued for every file at once so intake's worker pool stays busy; the main thread scans
 * each document as it arrives, as the CLI does.
 */
export async function runCorpus(files: readonly string[], dir = realDocsDir): Promise<Outcome[]> {
  const emptyUserLexicon = fs.mkdtempSync(path.join(os.tmpdir(), 'realdocs-lexicon-'));
  try {
    const scanner = createScanner({ userLexiconDir: emptyUserLexicon });
    const extractions = files.map((file) => extractFile(path.join(dir, file)));
    const outcomes: Outcome[] = [];
    for (let i = 0; i < files.length; i++) {
      const intake = await extractions[i]!;
      const started = performance.now();
      const scan = intake.ok ? scanner.scan(intake.document) : null;
      outcomes.push({ file: files[i]!, intake, scan, scanMs: performance.now() - started });
    }
    return outcomes;
  } finally {
    fs.rmSync(emptyUserLexicon, { recursive: true, force: true });
  }
}

/** Titles and numbers compare without layout spaces and with full- and half-width forms folded. */
export const sameText = (a: string | null, b: string | null) => a !== null && b !== null && a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

export interface FieldCheck {
  expected: string;
  got: string | null;
  ok: boolean;
}

export interface Verdict {
  expectation: Expectation;
  outcome: Outcome;
  /** The file was read or refused as expected. */
  readAsExpected: boolean;
  /** For an expected error: the message names the format. */
  errorNamesFormat: boolean | null;
  attribute: Attribute | null;
  attributeOk: boolean | null;
  /** Non-negated findings on a normative document, other than the personal data its published copy prints. */
  falseFindings: Finding[];
  /** Non-negated findings of the personal data the published copy prints (correct, shown separately). */
  publishedPiiFindings: Finding[];
  title: FieldCheck | null;
  docNumber: FieldCheck | null;
  date: FieldCheck | null;
}

const formatNames: Record<string, RegExp> = { doc: /\.doc(?!x)/, xls: /\.xls(?!x)/, wps: /\.wps/ };

function field(expected: string | null, got: string | null, same: (a: string | null, b: string | null) => boolean): FieldCheck | null {
  return expected === null ? null : { expected, got, ok: same(expected, got) };
}

export function judge(expectation: Expectation, outcome: Outcome): Verdict {
  const { intake, scan } = outcome;
  const wantsRead = expectation.outcome === 'read';
  const metadata: DocumentMetadata | null = intake.ok ? intake.document.metadata : null;
  const shown = scan ? scan.findings.filter((f) => !f.negated) : [];
  const published = (f: Finding) => f.kind === 'pii' && f.piiType !== null && expectation.publishedPii.includes(f.piiType);
  const attribute = scan ? scan.suggestion.attribute : null;
  return {
    expectation,
    outcome,
    readAsExpected: wantsRead === intake.ok,
    errorNamesFormat: typeof expectation.outcome === 'object' ? !intake.ok && (formatNames[expectation.outcome.error] ?? /$^/).test(intake.error.message) : null,
    attribute,
    attributeOk: wantsRead ? attribute !== null && expectation.attributes.includes(attribute) : null,
    falseFindings: expectation.normative ? shown.filter((f) => !published(f)) : [],
    publishedPiiFindings: shown.filter(published),
    title: wantsRead ? field(expectation.title, metadata?.title ?? null, sameText) : null,
    docNumber: wantsRead ? field(expectation.docNumber, metadata?.docNumber ?? null, sameText) : null,
    date: wantsRead ? field(expectation.date, metadata?.date ?? null, (a, b) => a === b) : null,
  };
}

export interface Ratio {
  right: number;
  of: number;
}

export interface Figures {
  files: number;
  read: number;
  errors: number;
  readAsExpected: Ratio;
  errorsNamingFormat: Ratio;
  attribute: Ratio;
  normativeDocuments: number;
  falseFindings: number;
  normativeDocumentsWithFalseFindings: string[];
  title: Ratio;
  docNumber: Ratio;
  date: Ratio;
}

const ratio = (checks: (boolean | null)[]): Ratio => {
  const judged = checks.filter((c): c is boolean => c !== null);
  return { right: judged.filter(Boolean).length, of: judged.length };
};

export function figures(verdicts: readonly Verdict[]): Figures {
  const normative = verdicts.filter((v) => v.expectation.normative && v.expectation.outcome === 'read');
  return {
    files: verdicts.length,
    read: verdicts.filter((v) => v.outcome.intake.ok).length,
    errors: verdicts.filter((v) => !v.outcome.intake.ok).length,
    readAsExpected: ratio(verdicts.map((v) => v.readAsExpected)),
    errorsNamingFormat: ratio(verdicts.map((v) => v.errorNamesFormat)),
    attribute: ratio(verdicts.map((v) => v.attributeOk)),
    normativeDocuments: normative.length,
    falseFindings: normative.reduce((n, v) => n + v.falseFindings.length, 0),
    normativeDocumentsWithFalseFindings: normative.filter((v) => v.falseFindings.length > 0).map((v) => v.expectation.file),
    title: ratio(verdicts.map((v) => v.title?.ok ?? null)),
    docNumber: ratio(verdicts.map((v) => v.docNumber?.ok ?? null)),
    date: ratio(verdicts.map((v) => v.date?.ok ?? null)),
  };
}

/** The text around a finding, on one line, for a reader deciding whether it is a real signal. */
export function findingContext(outcome: Outcome, finding: Finding, width = 18): string {
  if (!outcome.intake.ok) return '';
  const text = outcome.intake.document.text;
  const before = text.slice(Math.max(0, finding.start - width), finding.start);
  const after = text.slice(finding.end, finding.end + width);
  return `${before}【${text.slice(finding.start, finding.end)}】${after}`.replace(/\s+/g, ' ');
}

export const suggestionSummary = (s: Suggestion) => s.reasons.join('；');
