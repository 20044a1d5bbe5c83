import tsCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Text prepared for matching, with a map back to the original.
 * `origin[i]` is the original index of normalised character i; `origin[length]` is the original length.
 */
export interface NormalisedText {
  text: string;
  origin: Int32Array;
}

let charTable: Uint16Array | null = null;
const utf16 = new TextDecoder('utf-16le');

/** One code unit in, one code unit out: traditional → simplified characters and full-width → half-width forms. */
function table(): Uint16Array {
  if (charTable) return charTable;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (const entry of tsCharacters.split('|')) {
    const [from, to] = entry.split(' ');
    if (from?.length === 1 && to?.length === 1) t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  // PDF text layers often carry Kangxi radicals (⼯ U+2F2F for 工) and compatibility ideographs instead of the unified characters.
  for (const [from, to] of [[0x2f00, 0x2fd5], [0xf900, 0xfaff]] as const) {
    for (let c = from; c <= to; c++) {
      const unified = String.fromCharCode(c).normalize('NFKC');
      if (unified.length === 1) t[c] = t[unified.charCodeAt(0)]!;
    }
  }
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0x3000] = 0x20;
  charTable = t;
  return t;
}

const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d;

/** Length of the run of ASCII digits (after mapping) ending before `end` or starting at `start`. */
function digitRun(original: string, t: Uint16Array, from: number, step: 1 | -1): number {
  let i = from;
  while (i >= 0 && i < original.length && isDigit(t[original.charCodeAt(i)]!)) i += step;
  return Math.abs(i - from);
}
// Tabs are kept: they separate table cells (姓名\t张三), which extraction never puts inside a word.
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003;

/**
 * Simplified, half-width text with whitespace removed where it sits between two Han characters:
 * PDF and OFD extraction break lines and space out letters inside words (`征 求 意\n见稿`).
 */
export function normalise(original: string): NormalisedText {
  const t = table();
  const n = original.length;
  const out = new Uint16Array(n);
  const origin = new Int32Array(n + 1);
  let k = 0;
  let lastHan = false;
  for (let i = 0; i < n; i++) {
    const c = t[original.charCodeAt(i)]!;
    if (lastHan && isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(t[original.charCodeAt(j)]!)) j++;
      if (j < n && isHan(t[original.charCodeAt(j)]!)) {
        i = j - 1;
        continue;
      }
    }
    // A number wrapped at the end of a PDF line (1376⏎8123456) is joined when the two parts make an identifier's length.
    if (isBreak(c) && k > 0 && isDigit(out[k - 1]!)) {
      let j = i + 1;
      while (j < n && isBreak(t[original.charCodeAt(j)]!)) j++;
      const before = digitRun(original, t, i - 1, -1);
      const after = j < n ? digitRun(original, t, j, 1) : 0;
      if (after > 0 && before < 11 && before + after >= 11 && before + after <= 19) {
        i = j - 1;
        continue;
      }
    }
    out[k] = c;
    origin[k] = i;
    k++;
    lastHan = isHan(c);
  }
  origin[k] = n;
  return { text: utf16.decode(out.subarray(0, k)), origin: origin.subarray(0, k + 1) };
}

/** Normalises a lexicon term the same way the document is normalised. */
export function normaliseTerm(term: string): string {
  return normalise(term.trim()).text;
}

/** Maps a normalised span back to original offsets. */
export function toOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  return { start: n.origin[start]!, end: end > start ? n.origin[end - 1]! + 1 : n.origin[start]! };
}
