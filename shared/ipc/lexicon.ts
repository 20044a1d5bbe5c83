import { z } from 'zod';
import { channel } from './channel.ts';
import { savePath, userPath } from './paths.ts';
import type { CategoryId, ScanResult } from '../types.ts';

export const lexiconModes = ['any', 'topic', 'mark', 'identity'] as const;
export type LexiconMode = (typeof lexiconModes)[number];

export interface LexiconTerm {
  pattern: string;
  category: CategoryId;
  weight: number;
  /** As the scanner reads it: `any` everywhere, `topic` only as the subject of the document, `mark` only as a marking, `identity` only where a person is identified. */
  mode: LexiconMode;
  note: string;
  basis: string[];
  /** Shipped terms come with the app and cannot be removed here (an allow-word silences one); user terms can. */
  source: 'shipped' | 'user';
}

export interface AllowWord {
  word: string;
  note: string;
  source: 'shipped' | 'user';
}

export interface LexiconState {
  /** Content hash of every table, shipped and user: it changes with every edit and is recorded with each scan. */
  version: string;
  terms: LexiconTerm[];
  allow: AllowWord[];
  /** Problems in the user's tables, in Chinese. */
  warnings: string[];
}

export interface LexiconImportResult {
  state: LexiconState;
  added: number;
  skipped: number;
}

const pattern = z.string().trim().min(1).max(200).regex(/^[^\t\r\n]+$/);
const note = z.string().max(200).regex(/^[^\t\r\n]*$/);

const termInputSchema = z
  .object({
    pattern,
    category: z.number().int().min(1).max(9),
    weight: z.number().gt(0).max(1),
    mode: z.enum(lexiconModes),
    note,
    basis: z.array(z.string().min(1).max(100).regex(/^[^\t\r\n;；]+$/)).max(10),
  })
  .strict();
export type TermInput = z.infer<typeof termInputSchema>;

export const lexiconChannels = {
  lexicon: channel(z.tuple([]))<LexiconState>(),
  addLexiconTerm: channel(z.tuple([termInputSchema]))<LexiconState>(),
  removeLexiconTerm: channel(z.tuple([z.object({ pattern, category: z.number().int().min(1).max(9) }).strict()]))<LexiconState>(),
  addAllowWord: channel(z.tuple([z.object({ word: pattern, note }).strict()]))<LexiconState>(),
  removeAllowWord: channel(z.tuple([z.object({ word: pattern }).strict()]))<LexiconState>(),
  /** Reads a table in the shipped format (terms, or `word\tnote` lines for allow-words) into the user's tables. */
  importLexicon: channel(z.tuple([z.object({ path: userPath }).strict()]))<LexiconImportResult>(),
  /** Writes the user's own terms and allow-words as one table in the shipped format. */
  exportLexicon: channel(z.tuple([z.object({ path: savePath }).strict()]))<{ path: string; terms: number; allow: number }>(),
  /** Scans a sentence with the current lexicon, recording nothing. */
  testLexicon: channel(z.tuple([z.object({ text: z.string().min(1).max(20_000) }).strict()]))<ScanResult>(),
};
