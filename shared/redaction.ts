import type { Span } from './types.ts';

/** A withheld span of the document text and the basis cited at the place of removal. */
export interface Redaction extends Span {
  basis: string;
  /** The finding this span came from; null for a span the drafter marked by hand. */
  findingId: string | null;
}

export const redactionMark = (basis: string): string => `［此处不予公开：${basis}］`;

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
export function redactText(text: string, redactions: readonly Redaction[], offset = 0): RedactedText {
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
        return redactionMark(span.basis);
      })
      .join('\n');
    at = span.end;
  }
  out += text.slice(at);
  return { text: out, marks, removed };
}
