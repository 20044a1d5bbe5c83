import type { Span } from './types.ts';

/** A withheld span of the document text and the basis cited at the place of removal. */
export interface Redaction extends Span {
  basis: string;
  /** The finding this span came from; null for a span the drafter marked by hand or a repeat. */
  findingId: string | null;
  /**
   * 'repeat': added because the span repeats a value withheld elsewhere in the document. Derived from the
   * other spans whenever a decision is saved, so it is never kept from the input.
   */
  origin?: 'repeat';
}

export const redactionMark = (basis: string): string => `［此处不予公开：${basis}］`;

/** Any mark, whatever basis it cites. */
export const markPattern = /［此处不予公开：[^］]*］/g;

/** Sorted, clipped to the text, overlapping spans merged (their bases joined). */
export function normaliseRedactions(redactions: readonly Redaction[], textLength: number): Redaction[] {
  const sorted = redactions
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(textLength, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Redaction[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      if (!last.basis.split('、').includes(r.basis)) last.basis = `${last.basis}、${r.basis}`;
      last.findingId = last.findingId ?? r.findingId;
      if (r.origin !== 'repeat') delete last.origin;
    } else merged.push({ ...r });
  }
  return merged;
}

export interface RedactedText {
  text: string;
  marks: number;
  /** Every removed piece of text, as it stood in the original. */
  removed: string[];
}

/**
 * Replaces each withheld span of `text` by a mark naming its basis. Line breaks inside a span are kept
 * (each line's part gets its own mark) so the public copy keeps the document's paragraphs.
 */
export function redactText(text: string, redactions: readonly Redaction[], offset = 0, mark: (basis: string) => string = redactionMark): RedactedText {
  const spans = normaliseRedactions(
    redactions.map((r) => ({ ...r, start: r.start - offset, end: r.end - offset })),
    text.length,
  );
  let out = '';
  let at = 0;
  let marks = 0;
  const removed: string[] = [];
  for (const span of spans) {
    out += text.slice(at, span.start);
    const pieces = text.slice(span.start, span.end).split('\n');
    out += pieces
      .map((piece) => {
        if (piece.trim() === '') return piece;
        marks++;
        removed.push(piece);
        return mark(span.basis);
      })
      .join('\n');
    at = span.end;
  }
  out += text.slice(at);
  return { text: out, marks, removed };
}

/** Text as values are compared: NFKC, no whitespace, Latin in lower case; unit i came from `from[i]`..`to[i]` of the original. */
interface ComparableText {
  text: string;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

/** ASCII and the CJK Unified Ideographs are NFKC-stable, so only other characters pay for normalisation. */
const stable = (code: number) => code < 0x80 || (code >= 0x4e00 && code <= 0x9fff);
const asciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

function comparableText(text: string): ComparableText {
  // NFKC seldom lengthens a character (㈱ becomes (株)); the buffers grow when it does.
  let units = new Uint16Array(text.length + 32);
  let from = new Int32Array(text.length + 32);
  let to = new Int32Array(text.length + 32);
  let n = 0;
  const push = (unit: number, start: number, end: number) => {
    if (n === units.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (length: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      units = grow(units);
      from = grow(from);
      to = grow(to);
    }
    units[n] = unit;
    from[n] = start;
    to[n] = end;
    n++;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (stable(code)) {
      if (!asciiSpace(code)) push(code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
      i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const normal = text.slice(i, i + width).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    for (let k = 0; k < normal.length; k++) push(normal.charCodeAt(k), i, i + width);
    i += width;
  }
  let out = '';
  for (let k = 0; k < n; k += 8192) out += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  return { text: out, from: from.subarray(0, n), to: to.subarray(0, n) };
}

export const comparable = (text: string): string => comparableText(text).text;

/**
 * A value worth withholding wherever it occurs. A single character, or a run of ASCII shorter than a postal
 * code (an age, a year, an amount, an article number), recurs by chance and identifies nobody alone;
 * withholding it everywhere would falsify the rest of the document and every date in the file's properties.
 * Any other value, a two-character name included, is withheld even inside a longer word: without a
 * dictionary a name cannot be told from its neighbours in Chinese, and a missed occurrence is a leak while
 * an extra mark is only an extra mark.
 */
export function isDistinctive(value: string): boolean {
  if (value.length < 2) return false;
  return /[^\x00-\x7f]/.test(value) || value.length >= 6;
}

export interface WithheldValue {
  /** The withheld text in comparable form. */
  value: string;
  /** The basis of the first span (in document order) that withholds it. */
  basis: string;
}

/** The distinct values the spans withhold, longest first so a longer value claims its occurrences before a part of it. */
export function withheldValues(text: string, redactions: readonly Redaction[]): WithheldValue[] {
  const values = new Map<string, string>();
  for (const r of [...redactions].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const value = comparable(text.slice(Math.max(0, r.start), Math.min(text.length, r.end)));
    if (value !== '' && !values.has(value)) values.set(value, r.basis);
  }
  return [...values].map(([value, basis]) => ({ value, basis })).sort((a, b) => b.value.length - a.value.length);
}

/** Sorted disjoint spans; `gaps` is what of a span they leave uncovered. */
class Coverage {
  private readonly spans: Span[] = [];

  /** Index of the first span ending after `at`. */
  private after(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(span: Span): void {
    const i = this.after(span.start - 1);
    let { start, end } = span;
    let j = i;
    while (j < this.spans.length && this.spans[j]!.start <= end) {
      start = Math.min(start, this.spans[j]!.start);
      end = Math.max(end, this.spans[j]!.end);
      j++;
    }
    this.spans.splice(i, j - i, { start, end });
  }

  gaps(span: Span): Span[] {
    const gaps: Span[] = [];
    let at = span.start;
    for (let i = this.after(span.start); i < this.spans.length && this.spans[i]!.start < span.end; i++) {
      if (this.spans[i]!.start > at) gaps.push({ start: at, end: this.spans[i]!.start });
      at = Math.max(at, this.spans[i]!.end);
    }
    if (at < span.end) gaps.push({ start: at, end: span.end });
    return gaps;
  }
}

/**
 * Where each distinctive value occurs in `c`, in one pass over the text (values indexed by their first two
 * units), ordered so that a longer value claims its occurrences before a part of it, then by position.
 */
function occurrencesOf(c: ComparableText, values: readonly WithheldValue[]): { value: WithheldValue; at: Span }[] {
  const byPrefix = new Map<string, WithheldValue[]>();
  for (const v of values) {
    if (!isDistinctive(v.value)) continue;
    const key = v.value.slice(0, 2);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), v]);
  }
  const found: { value: WithheldValue; at: Span }[] = [];
  if (byPrefix.size === 0) return found;
  for (let i = 0; i + 1 < c.text.length; i++) {
    const candidates = byPrefix.get(c.text.slice(i, i + 2));
    if (!candidates) continue;
    for (const v of candidates) {
      if (c.text.startsWith(v.value, i)) found.push({ value: v, at: { start: c.from[i]!, end: c.to[i + v.value.length - 1]! } });
    }
  }
  return found.sort((a, b) => b.value.value.length - a.value.value.length || a.at.start - b.at.start);
}

/** Spans over what of each occurrence `coverage` leaves uncovered, each added to it as it is taken. */
function uncovered(text: string, occurrences: readonly { value: WithheldValue; at: Span }[], coverage: Coverage): Redaction[] {
  const spans: Redaction[] = [];
  for (const { value, at } of occurrences) {
    for (const gap of coverage.gaps(at)) {
      if (text.slice(gap.start, gap.end).trim() === '') continue;
      spans.push({ start: gap.start, end: gap.end, basis: value.basis, findingId: null });
      coverage.add(gap);
    }
  }
  return spans;
}

/**
 * The spans plus every other occurrence of a distinctive withheld value (title, headings, tables, later
 * mentions, across line breaks and full-width forms), each marked `origin: 'repeat'` with the basis of the
 * span it repeats. Earlier repeats are dropped and found afresh, so a span the drafter removes takes its
 * repeats with it. Added spans never overlap another span; the result is sorted.
 */
export function withRepeats(text: string, redactions: readonly Redaction[]): Redaction[] {
  const own = redactions.filter((r) => r.origin !== 'repeat');
  const coverage = new Coverage();
  for (const r of own) if (r.end > r.start) coverage.add(r);
  const added = uncovered(text, occurrencesOf(comparableText(text), withheldValues(text, own)), coverage).map((r): Redaction => ({ ...r, origin: 'repeat' }));
  return [...own, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Any string outside the document text (its title in the file's properties, a file name) with every
 * distinctive withheld value replaced by `mark`.
 */
export function redactWithheld(s: string, values: readonly WithheldValue[], mark: (basis: string) => string = redactionMark): string {
  return redactText(s, uncovered(s, occurrencesOf(comparableText(s), values), new Coverage()), 0, mark).text;
}

/** A file name offered for the public copy, every distinctive withheld value replaced by `placeholder`. */
export function withheldFreeName(name: string, text: string, redactions: readonly Redaction[], placeholder: string): string {
  return redactWithheld(name, withheldValues(text, redactions), () => placeholder);
}
