import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import nodejieba from 'nodejieba';
import { lastAtOrBefore } from './sorted.ts';

/** Where a hit sits relative to jieba's tokens. */
type Alignment = 'aligned' | 'inside-word' | 'crosses-words';

// nodejieba keeps one global segmenter per process: load it once, then add later words in place.
let loaded = false;
const known = new Set<string>();

function cacheDir(): string {
  const dir = path.join(os.tmpdir(), `disclosure-desk-jieba-${process.getuid?.() ?? 'user'}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function writeOnce(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  }
  return file;
}

// Words this rare in jieba's corpus barely change how 公文 text is cut, and dropping them loads the dictionary about three times faster.
const minFrequency = 5;

function trimmedMainDict(dir: string): string {
  const source = path.join(path.dirname(createRequire(import.meta.url).resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
  const stat = fs.statSync(source);
  const name = `main-${minFrequency}-${stat.size}-${Math.floor(stat.mtimeMs)}.dict`;
  if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  const kept = fs.readFileSync(source, 'utf8').split('\n').filter((line) => Number(line.split(' ')[1]) >= minFrequency);
  return writeOnce(dir, name, kept.join('\n') + '\n');
}

/**
 * Makes every lexicon term and allow-word a whole jieba token. The first call loads jieba with a
 * generated user dictionary, a frequency-trimmed main dictionary and stub IDF/stop-word files
 * (keyword extraction is not used; the shipped IDF table alone costs a third of the load time).
 */
export function prepareSegmenter(words: readonly string[]): void {
  const fresh = [...new Set(words)].filter((w) => w.length > 1 && !known.has(w) && !/\s/.test(w));
  if (!loaded) {
    const dir = cacheDir();
    const dict = fresh.join('\n') + '\n';
    const userDict = writeOnce(dir, `user-${createHash('sha256').update(dict).digest('hex').slice(0, 16)}.dict`, dict);
    const idfDict = writeOnce(dir, 'idf.stub', '的 1.0\n');
    const stopWordDict = writeOnce(dir, 'stop.stub', '的\n');
    nodejieba.load({ dict: trimmedMainDict(dir), userDict, idfDict, stopWordDict });
    loaded = true;
  } else {
    for (const word of fresh) nodejieba.insertWord(word);
  }
  for (const word of fresh) known.add(word);
}

/** Sorted token boundaries (absolute offsets, including `from` and `to`) of jieba's cut of text[from, to). */
export interface Cutter {
  (text: string, from: number, to: number): number[];
  /** Cuts these separator-free pieces ahead, all in one call: a call into jieba costs more than a short piece. */
  prefetch(pieces: readonly string[]): void;
}

/**
 * A cutter for one scan. Running text repeats itself (table rows, page headers, recurring clauses) and jieba
 * costs more than the rest of a scan, so each distinct string is cut once; the dictionary is fixed during a scan.
 */
export function cutter(): Cutter {
  const cuts = new Map<string, number[]>();
  const cut = (text: string, from: number, to: number): number[] => {
    const slice = text.slice(from, to);
    let lengths = cuts.get(slice);
    if (!lengths) {
      lengths = nodejieba.cut(slice).map((token) => token.length);
      cuts.set(slice, lengths);
    }
    const bounds = [from];
    let pos = from;
    for (const length of lengths) {
      pos += length;
      bounds.push(pos);
    }
    return bounds;
  };
  const prefetch = (pieces: readonly string[]): void => {
    const fresh = [...new Set(pieces)].filter((p) => !cuts.has(p));
    if (fresh.length === 0) return;
    // A line break is a separator: the pieces come back cut exactly as on their own, each followed by it.
    let lengths: number[] = [];
    let k = 0;
    for (const token of nodejieba.cut(fresh.join('\n'))) {
      if (token !== '\n') lengths.push(token.length);
      else {
        cuts.set(fresh[k++]!, lengths);
        lengths = [];
      }
    }
    cuts.set(fresh[k]!, lengths);
  };
  return Object.assign(cut, { prefetch });
}

function tokenAround(bounds: readonly number[], at: number): [number, number] | null {
  const lo = lastAtOrBefore(bounds.length, (i) => bounds[i]!, at);
  const start = bounds[lo]!;
  const end = bounds[lo + 1];
  return start < at && end !== undefined && end > at ? [start, end] : null;
}

/** Where [start, end) sits against the tokens: on their boundaries, inside one word, or straddling two. */
function alignmentOf(left: [number, number] | null, right: [number, number] | null, start: number, end: number): Alignment {
  if ((left && left[1] < end) || (right && right[0] > start)) return 'crosses-words';
  return left || right ? 'inside-word' : 'aligned';
}

// jieba cuts a text at these characters first and each piece between them on its own (cppjieba SPECIAL_SEPARATORS),
// so a token never spans one and the cut of a text is the cuts of its pieces side by side.
const isSeparator = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0xff0c || code === 0x3002;

/** The separator-free piece of text[from, to) around `at`, or null where `at` cannot fall inside a token. */
function pieceAround(text: string, from: number, to: number, at: number): [number, number] | null {
  if (at <= from || at >= to || isSeparator(text.charCodeAt(at - 1)) || isSeparator(text.charCodeAt(at))) return null;
  let a = at - 1;
  while (a > from && !isSeparator(text.charCodeAt(a - 1))) a--;
  let b = at + 1;
  while (b < to && !isSeparator(text.charCodeAt(b))) b++;
  return [a, b];
}

/** The token of jieba's cut of text[from, to) that holds `at` strictly inside, cutting only the piece around it. */
export function tokenHolding(cut: Cutter, text: string, from: number, to: number, at: number): [number, number] | null {
  const piece = pieceAround(text, from, to, at);
  return piece && tokenAround(cut(text, piece[0], piece[1]), at);
}

/** Has jieba cut, in one call, every piece that `alignmentWithin` will read for these hits. */
export function prefetchAlignments(cut: Cutter, text: string, hits: readonly { from: number; to: number; start: number; end: number }[]): void {
  const pieces: string[] = [];
  for (const h of hits) {
    for (const at of [h.start, h.end]) {
      const piece = pieceAround(text, h.from, h.to, at);
      if (piece) pieces.push(text.slice(piece[0], piece[1]));
    }
  }
  cut.prefetch(pieces);
}

/** `alignment(cut(text, from, to), start, end)`, with jieba run only over the pieces that hold the hit's two ends. */
export function alignmentWithin(cut: Cutter, text: string, from: number, to: number, start: number, end: number): Alignment {
  return alignmentOf(tokenHolding(cut, text, from, to, start), tokenHolding(cut, text, from, to, end), start, end);
}
