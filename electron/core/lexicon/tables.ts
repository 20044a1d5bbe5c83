import fs from 'node:fs';
import path from 'node:path';
import { lexiconModes, type AllowWord, type LexiconMode, type LexiconTerm, type TermInput } from '../../../shared/ipc/lexicon.ts';
import type { CategoryId } from '../../../shared/types.ts';
import { lexiconMessages as m } from '../../../shared/messages/lexicon.ts';
import { fail } from '../errors.ts';
import { isMissing, writeFileAtomic } from '../files.ts';

/** The user's own tables, in the shipped TSV format, kept beside the database. */
const TERMS_FILE = 'user-terms.tsv';
const ALLOW_FILE = 'allow.tsv';
const TERM_HEADER = 'pattern\tcategory\tweight\tmode\tnote\tbasis';
const ALLOW_HEADER = 'word\tnote';

export interface UserTables {
  terms: LexiconTerm[];
  allow: AllowWord[];
}

/** A user table not yet made reads as empty; a file the person named must be there. */
function lines(file: string, mustExist: boolean): string[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) {
      if (mustExist) fail('not-found', m.notFound(file));
      return [];
    }
    fail('lexicon-unreadable', m.unreadable(file));
  }
  return content.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

const isMode = (v: string): v is LexiconMode => (lexiconModes as readonly string[]).includes(v);

function termFrom(cells: string[]): LexiconTerm | null {
  const [pattern = '', category = '', weight = '', mode = 'any', note = '', basis = ''] = cells.map((c) => c.trim());
  const cat = Number(category);
  const w = Number(weight);
  if (!pattern || !Number.isInteger(cat) || cat < 1 || cat > 9 || !(w > 0 && w <= 1) || !isMode(mode)) return null;
  return { pattern, category: cat as CategoryId, weight: w, mode, note, basis: basis.split(/[;；]/).map((b) => b.trim()).filter(Boolean), source: 'user' };
}

/** Reads any table in the shipped format: six-column lines are terms, one- or two-column lines allow-words. */
export function parseTable(file: string, mustExist = true): UserTables & { skipped: number } {
  const out: UserTables & { skipped: number } = { terms: [], allow: [], skipped: 0 };
  for (const line of lines(file, mustExist)) {
    const cells = line.split('\t');
    if (line === TERM_HEADER || line === ALLOW_HEADER || cells[0]?.trim() === 'pattern' || cells[0]?.trim() === 'word') continue;
    if (cells.length >= 3) {
      const term = termFrom(cells);
      if (term) out.terms.push(term);
      else out.skipped++;
    } else {
      const word = cells[0]?.trim() ?? '';
      if (word) out.allow.push({ word, note: cells[1]?.trim() ?? '', source: 'user' });
      else out.skipped++;
    }
  }
  return out;
}

export function readUserTables(dir: string): UserTables {
  return { terms: parseTable(path.join(dir, TERMS_FILE), false).terms, allow: parseTable(path.join(dir, ALLOW_FILE), false).allow };
}

const termLine = (t: TermInput | LexiconTerm) => [t.pattern, t.category, t.weight, t.mode, t.note, t.basis.join(';')].join('\t');
const allowLine = (a: AllowWord) => `${a.word}\t${a.note}`;

function write(file: string, content: string): void {
  try {
    writeFileAtomic(file, Buffer.from(content, 'utf8'));
  } catch {
    fail('lexicon-unwritable', m.unwritable(file));
  }
}

export function writeUserTables(dir: string, tables: UserTables): void {
  write(path.join(dir, TERMS_FILE), [m.userTableHeader, TERM_HEADER, ...tables.terms.map(termLine), ''].join('\n'));
  write(path.join(dir, ALLOW_FILE), [m.userAllowHeader, ALLOW_HEADER, ...tables.allow.map(allowLine), ''].join('\n'));
}

/** One file with both tables, readable back by `parseTable`. */
export function writeExport(file: string, tables: UserTables): void {
  write(file, [m.userTableHeader, TERM_HEADER, ...tables.terms.map(termLine), m.userAllowHeader, ALLOW_HEADER, ...tables.allow.map(allowLine), ''].join('\n'));
}
