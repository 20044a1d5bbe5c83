import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Command } from '../main.ts';
import type { DocFormat, Finding, IntakeResult, ScanResult } from '../../../shared/types.ts';
import { attribute } from '../../../shared/attributes.ts';
import { defaultIntakeLimits } from '../../../shared/intake-limits.ts';
import { category } from '../../../shared/categories.ts';
import { piiLabels, scanCliMessages as m } from '../../../shared/messages/scanner.ts';
import type { Analysis } from '../../core/intake/index.ts';
import { documentFiles } from '../../core/intake/walk.ts';
import { defaultLexiconDir } from '../../core/scanner/index.ts';
import { createAnalyzer } from '../../core/register/analyzer.ts';
import { loadLexicon } from '../../core/scanner/lexicon.ts';
import { defaultDataDir } from '../../core/data-dir.ts';

const formats: readonly DocFormat[] = ['docx', 'xlsx', 'pdf', 'ofd', 'txt'];

interface Options {
  files: string[];
  json: boolean;
  lexiconDir?: string;
  userLexiconDir?: string;
}

function usageError(message: string): Error {
  return Object.assign(new Error(`${message}\n${m.usage}`), { code: 'usage' });
}

function parseArgs(args: string[]): Options {
  const options: Options = { files: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--lexicon' || arg === '--user-lexicon') {
      const value = args[++i];
      if (!value || value.startsWith('--')) throw usageError(m.missingValue(arg));
      if (arg === '--lexicon') options.lexiconDir = value;
      else options.userLexiconDir = value;
    } else if (arg.startsWith('--lexicon=')) options.lexiconDir = arg.slice('--lexicon='.length);
    else if (arg.startsWith('--user-lexicon=')) options.userLexiconDir = arg.slice('--user-lexicon='.length);
    else if (arg.startsWith('-') && arg !== '-') throw usageError(m.unknownOption(arg));
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw usageError(m.noInput);
  return options;
}

function userLexiconDir(options: Options): string {
  return options.userLexiconDir ?? path.join(defaultDataDir(), 'lexicon');
}

function fileSha256(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function guessFormat(file: string): DocFormat | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (formats as readonly string[]).includes(ext) ? (ext as DocFormat) : null;
}

function findingJson(f: Finding) {
  return {
    category: f.category, term: f.term, start: f.start, end: f.end, page: f.page, kind: f.kind, piiType: f.piiType, score: f.score,
    negated: f.negated, rule: f.rule, explanation: f.explanation, id: f.id, zone: f.zone, basis: f.basis,
  };
}

function record(file: string, result: IntakeResult, scan: ScanResult | null): Record<string, unknown> {
  if (!result.ok) {
    return { file, format: guessFormat(file), sha256: fileSha256(file), metadata: null, findings: [], suggestion: null, error: result.error };
  }
  const doc = result.document;
  const { classification, docNumber, title, note, date, ...rest } = doc.metadata;
  return {
    file, format: doc.format, sha256: doc.sha256,
    metadata: { docNumber, title, classification: classification ? { level: classification.level, period: classification.period, raw: classification.raw } : null, note, date, ...rest },
    findings: scan!.findings.map(findingJson),
    suggestion: scan!.suggestion,
    error: null,
    lexiconVersion: scan!.lexiconVersion, pageCount: doc.pageCount, charCount: doc.charCount, warnings: doc.warnings,
  };
}

// Terminal width of a string: CJK and full-width forms take two columns.
const width = (s: string): number => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
const clip = (s: string, w: number): string => {
  let out = '';
  for (const c of s.replace(/\s+/g, ' ')) {
    if (width(out + c) > w - 1) return out + '…';
    out += c;
  }
  return out;
};

function table(file: string, result: IntakeResult, scan: ScanResult | null): string {
  const lines = [m.fileHeader(file)];
  if (!result.ok) {
    lines.push(m.fileError(result.error.code, result.error.message));
    return lines.join('\n');
  }
  const s = scan!;
  lines.push(m.suggestion(attribute(s.suggestion.attribute).label), m.basis(s.suggestion.basis.join('、')));
  for (const reason of s.suggestion.reasons) lines.push(m.reason(reason));
  for (const warning of s.suggestion.warnings) lines.push(m.warning(warning));
  const shown = s.findings.filter((f) => !f.negated);
  const mentions = s.findings.length - shown.length;
  if (shown.length === 0) lines.push(m.noFindings);
  else {
    const widths = [12, 20, 10, 6];
    lines.push('  ' + m.columns.map((c, i) => (i < widths.length ? pad(c, widths[i]!) : c)).join(' '));
    for (const f of shown) {
      const label = f.kind === 'pii' ? piiLabels[f.piiType!] : category(f.category).short;
      const where = f.page !== null ? m.page(f.page) : m.offset(f.start);
      const cells = [clip(`${f.category} ${label}`, widths[0]!), clip(f.term, widths[1]!), where, f.score.toFixed(2)];
      lines.push('  ' + cells.map((c, i) => pad(c, widths[i]!)).join(' ') + ' ' + f.explanation);
    }
  }
  if (mentions > 0) lines.push(m.mentions(mentions));
  return lines.join('\n');
}

async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const { files, walked } = documentFiles(options.files);
  const lexicon = { lexiconDir: options.lexiconDir ?? defaultLexiconDir(), userLexiconDir: userLexiconDir(options) };
  // The workers scan; the lexicon is read here too, once, so its problems are told before any file.
  for (const warning of loadLexicon(lexicon.lexiconDir, lexicon.userLexiconDir).warnings) process.stderr.write(m.lexiconWarning(warning) + '\n');
  const analyzer = createAnalyzer(lexicon);
  const progress = walked && process.stderr.isTTY === true && !process.env.CI;
  let failed = 0;
  let flagged = 0;
  // Two files in flight keep intake's worker pool busy while this thread prints.
  const pending: Promise<Analysis>[] = [];
  const start = (i: number) => {
    if (i >= files.length) return;
    pending[i] = analyzer.analyze(files[i]!, defaultIntakeLimits);
    // A scanner failure is reported when its file's turn comes, not as an unhandled rejection before.
    pending[i]!.catch(() => undefined);
  };
  start(0);
  start(1);
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      if (progress) process.stderr.write(`\r\x1b[K${m.progress(i + 1, files.length, file)}`);
      const analysis = await pending[i]!;
      start(i + 2);
      const result: IntakeResult = analysis.ok ? { ok: true, document: analysis.document } : analysis;
      const scan: ScanResult | null = analysis.ok ? analysis.scan : null;
      if (!analysis.ok) failed++;
      if (scan?.findings.some((f) => !f.negated)) flagged++;
      process.stdout.write(options.json ? JSON.stringify(record(file, result, scan)) + '\n' : table(file, result, scan) + '\n\n');
    }
  } finally {
    if (progress) process.stderr.write('\r\x1b[K');
    await analyzer.close();
  }
  if (!options.json) process.stdout.write(m.summaryLine(files.length, failed, flagged) + '\n');
  return failed > 0 ? 1 : 0;
}

export const command: Command = { summary: m.summary, usage: m.usage, run };
