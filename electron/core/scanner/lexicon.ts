import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { CategoryId } from '../../../shared/types.ts';
import { scannerMessages as m } from '../../../shared/messages/scanner.ts';
import { normaliseTerm } from './normalise.ts';

/**
 * `any`: a signal wherever it occurs, unless the context says it is a mention.
 * `topic`: a word rules also talk about (信访人, 档案移交, 考勤): a mention inside a normative sentence
 * (应当, 可以, 不得, 要加强…), a signal where the text states facts, in the title or in the 版头.
 * `mark`: a marking or document-type word (讨论稿, 会议纪要, 请示) that signals only where it stands as a
 * marking — its own line, brackets, the title, the 版头 — and is a reference anywhere else.
 * `identity`: a person whose identity a law protects (举报人, 精神障碍患者) — a signal only where the sentence or list entry
 * identifies one (a name, an ID or phone number, an address), a mention anywhere else.
 */
export type EntryMode = 'any' | 'topic' | 'mark' | 'identity';

export interface LexiconEntry {
  /** As written in the file. */
  pattern: string;
  /** Normalised literal; null for a regex entry. */
  term: string | null;
  regex: RegExp | null;
  category: CategoryId;
  weight: number;
  mode: EntryMode;
  note: string;
  /** Where the term comes from: the law article or published guidance that makes it a signal (note column, after 来源：). */
  origin: string;
  basis: string[];
  source: string;
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Normalised allow-words: a hit inside one of these is not a finding. */
  allow: string[];
  /** Content hash of every file read, shipped and user. */
  version: string;
  /** Problems in user files, in Chinese; bad lines are skipped. */
  warnings: string[];
}

const header = ['pattern', 'category', 'weight', 'mode', 'note', 'basis'];
const originMark = /来源[：:]/;

function listTables(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.tsv')).sort().map((n) => path.join(dir, n));
}

function parseEntry(cells: string[], source: string): LexiconEntry | string {
  const [pattern = '', categoryCell = '', weightCell = '', modeCell = 'any', note = '', basisCell = ''] = cells.map((c) => c.trim());
  const category = Number(categoryCell);
  const weight = Number(weightCell);
  if (!pattern) return m.lexiconEmptyPattern;
  if (!Number.isInteger(category) || category < 1 || category > 9) return m.lexiconBadCategory(categoryCell);
  if (!(weight > 0 && weight <= 1)) return m.lexiconBadWeight(weightCell);
  if (modeCell !== 'any' && modeCell !== 'topic' && modeCell !== 'mark' && modeCell !== 'identity') return m.lexiconBadMode(modeCell);
  let regex: RegExp | null = null;
  let term: string | null = null;
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    try {
      regex = new RegExp(pattern.slice(1, -1), 'gu');
    } catch {
      return m.lexiconBadRegex(pattern);
    }
    if (regex.test('')) return m.lexiconBadRegex(pattern);
  } else {
    term = normaliseTerm(pattern);
    if (!term) return m.lexiconEmptyPattern;
  }
  const basis = basisCell.split(/[;；]/).map((b) => b.trim()).filter(Boolean);
  const at = note.search(originMark);
  const description = at < 0 ? note : note.slice(0, at).replace(/(?<![；;，,\s])[；;，,\s]+$/, '');
  const origin = at < 0 ? '' : note.slice(at).replace(originMark, '').trim();
  return { pattern, term, regex, category: category as CategoryId, weight, mode: modeCell, note: description, origin, basis, source };
}

function readTable(file: string, entries: LexiconEntry[], allow: string[], warnings: string[], hash: ReturnType<typeof createHash>): void {
  const content = fs.readFileSync(file, 'utf8');
  const name = path.basename(file);
  hash.update(name).update('\0').update(content).update('\0');
  const isAllow = name === 'allow.tsv';
  content.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (isAllow) {
      if (cells[0]?.trim() === 'word') return;
      const word = normaliseTerm(cells[0] ?? '');
      if (word) allow.push(word);
      return;
    }
    if (cells[0]?.trim() === header[0]) return;
    const entry = parseEntry(cells, name);
    if (typeof entry === 'string') warnings.push(m.lexiconLine(file, index + 1, entry));
    else entries.push(entry);
  });
}

/** Reads every `*.tsv` of the shipped directory, then of the user directory (which may be absent). */
export function loadLexicon(lexiconDir: string, userLexiconDir?: string): Lexicon {
  const shipped = listTables(lexiconDir);
  if (shipped.length === 0) throw Object.assign(new Error(m.lexiconMissing(lexiconDir)), { code: 'lexicon-missing' });
  const entries: LexiconEntry[] = [];
  const allow: string[] = [];
  const warnings: string[] = [];
  const hash = createHash('sha256');
  for (const file of shipped) readTable(file, entries, allow, warnings, hash);
  if (userLexiconDir && path.resolve(userLexiconDir) !== path.resolve(lexiconDir)) {
    hash.update('user\0');
    for (const file of listTables(userLexiconDir)) readTable(file, entries, allow, warnings, hash);
  }
  return { entries, allow, version: hash.digest('hex').slice(0, 16), warnings };
}
