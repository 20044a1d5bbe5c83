import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import nodejieba from 'nodejieba';

/** Where a hit sits relative to jieba's tokens. */
export type Alignment = 'aligned' | 'inside-word' | 'crosses-words';

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

/**
 * Makes every lexicon term and allow-word a whole jieba token. The first call loads jieba with a
 * generated user dictionary (and stub IDF/stop-word files: keyword extraction is not used, and the
 * shipped IDF table alone costs a third of the load time).
 */
export function prepareSegmenter(words: readonly string[]): void {
  const fresh = [...new Set(words)].filter((w) => w.length > 1 && !known.has(w) && !/\s/.test(w));
  if (!loaded) {
    const dir = cacheDir();
    const dict = fresh.join('\n') + '\n';
    const userDict = writeOnce(dir, `user-${createHash('sha256').update(dict).digest('hex').slice(0, 16)}.dict`, dict);
    const idfDict = writeOnce(dir, 'idf.stub', '的 1.0\n');
    const stopWordDict = writeOnce(dir, 'stop.stub', '的\n');
    nodejieba.load({ userDict, idfDict, stopWordDict });
    loaded = true;
  } else {
    for (const word of fresh) nodejieba.insertWord(word);
  }
  for (const word of fresh) known.add(word);
}

/** Classifies [start, end) of `text` against jieba's tokens of a window around it. */
export function alignment(text: string, start: number, end: number, from: number, to: number): Alignment {
  const tokens = nodejieba.cut(text.slice(from, to));
  let pos = from;
  let inside = false;
  for (const token of tokens) {
    const tStart = pos;
    const tEnd = pos + token.length;
    pos = tEnd;
    if (tEnd <= start) continue;
    if (tStart >= end) break;
    const cutsStart = tStart < start && tEnd > start;
    const cutsEnd = tStart < end && tEnd > end;
    if ((cutsStart && tEnd < end) || (cutsEnd && tStart > start)) return 'crosses-words';
    if (cutsStart || cutsEnd) inside = true;
  }
  return inside ? 'inside-word' : 'aligned';
}
