import type { Finding, Paragraph, Span } from '../../../shared/types.ts';

interface Run extends Span {
  text: string;
  /** Findings covering this run, strongest first. */
  findings: Finding[];
  redacted: boolean;
}

/** Index of the paragraph containing `offset` (paragraphs are sorted and disjoint). */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Spans (findings, redactions) per paragraph, in one pass, so a 300-page document is indexed once and not per render. */
export function spansByParagraph<T extends Span>(paragraphs: readonly Paragraph[], findings: readonly T[]): T[][] {
  const out: T[][] = paragraphs.map(() => []);
  if (paragraphs.length === 0) return out;
  for (const f of findings) {
    let i = paragraphAt(paragraphs, f.start);
    while (i < paragraphs.length && paragraphs[i]!.start < f.end) {
      if (paragraphs[i]!.end > f.start) out[i]!.push(f);
      i++;
    }
  }
  return out;
}

const strength = (f: Finding) => (f.negated ? 0 : 1) * 10 + f.score;

/** Splits one paragraph into runs at every finding and redaction boundary. */
export function paragraphRuns(text: string, paragraph: Span, findings: readonly Finding[], redactions: readonly Span[] = []): Run[] {
  const cuts = new Set<number>([paragraph.start, paragraph.end]);
  const clip = (n: number) => Math.min(paragraph.end, Math.max(paragraph.start, n));
  for (const s of [...findings, ...redactions]) {
    cuts.add(clip(s.start));
    cuts.add(clip(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = findings.filter((f) => f.start < end && f.end > start).sort((a, b) => strength(b) - strength(a));
    runs.push({ start, end, text: text.slice(start, end), findings: covering, redacted: redactions.some((r) => r.start < end && r.end > start) });
  }
  return runs;
}
