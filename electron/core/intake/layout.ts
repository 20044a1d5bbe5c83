import { cjkChar } from '../../../shared/text.ts';

/** A piece of text placed on a page; y grows downwards, units are the format's own. */
export interface PlacedRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  start: number;
  end: number;
  text: string;
  /** Runs set apart by more than two characters' width, as table cells and form fields are. */
  cells: boolean;
}

const WORDLIKE = /[A-Za-z0-9]/;
/** GB/T 9704 page numbers, "— 1 —", are page furniture, not text. */
const PAGE_NUMBER = /^[—–\-－]\s*\d{1,4}\s*[—–\-－]$/;
/** A line ending a sentence or a lead-in (主送 "…：") may reach the right edge by chance; it does not run on. */
const CLOSING = /[。！？；：!?;:][”’」』）)]*$/;
const wideGap = (previous: PlacedRun, run: PlacedRun) => run.x - (previous.x + previous.width) > 2 * Math.max(previous.size, run.size);

function joinRuns(runs: PlacedRun[]): string {
  const parts: string[] = [];
  let previous: PlacedRun | null = null;
  for (const run of runs) {
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const size = Math.max(previous.size, run.size);
      // The previous run's last character, not the joined text's: reading back a growing string flattens it each time.
      const before = previous.text.at(-1) ?? '';
      const after = run.text[0] ?? '';
      const spaced = /\s/.test(before) || /\s/.test(after);
      if (!spaced && (wideGap(previous, run) || (gap > 0.25 * size && (!cjkChar.test(before) || !cjkChar.test(after))))) parts.push(' ');
    }
    parts.push(run.text);
    previous = run;
  }
  return parts.join('');
}

function buildLines(runs: PlacedRun[]): Line[] {
  const sorted = runs.filter((r) => r.text.length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PlacedRun[][] = [];
  let current: PlacedRun[] = [];
  let baseline = 0;
  let size = 0;
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.45 * Math.max(size, run.size)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    baseline = run.y;
    size = run.size;
  }
  if (current.length > 0) groups.push(current);
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const text = joinRuns(group).replace(/\s+/g, ' ').trim();
    if (!text || PAGE_NUMBER.test(text)) continue;
    const first = group[0]!;
    const sizes = group.map((r) => r.size).sort((a, b) => a - b);
    lines.push({
      y: first.y,
      size: sizes[Math.floor(sizes.length / 2)]!,
      start: first.x,
      end: group.reduce((end, r) => Math.max(end, r.x + r.width), -Infinity),
      text,
      cells: group.some((run, i) => i > 0 && wideGap(group[i - 1]!, run)),
    });
  }
  return lines;
}

function joinLines(a: string, b: string): string {
  return WORDLIKE.test(a.at(-1) ?? '') && WORDLIKE.test(b[0] ?? '') ? `${a} ${b}` : a + b;
}

/**
 * The right edge of the text block, widened page by page over one document, and how many lines reach it.
 * One line reaching the edge proves nothing (a lone title is its own page's longest line); two do.
 */
interface TextBlock {
  right: number;
  fullLines: number;
}

export const newTextBlock = (): TextBlock => ({ right: -Infinity, fullLines: 0 });

const reachesEdge = (line: Line, right: number) => line.end >= right - 2 * line.size;

/**
 * The usual baseline step between neighbouring lines of one size: a producer that sets its lines
 * double-spaced still steps by the same amount inside a paragraph, so that step is the yardstick.
 */
function linePitch(lines: Line[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (Math.abs(a.size - b.size) <= 0.15 * a.size && b.y > a.y) steps.push(b.y - a.y);
  }
  steps.sort((x, y) => x - y);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}

/**
 * Rebuilds the reading order of one page: runs become lines by baseline, lines become paragraphs
 * when a line runs to the right edge without closing punctuation and the next one starts at the left
 * margin with the same size, one line step below; a first-line indent, a short line, a change of size
 * (a title) or a line of table cells starts a new one.
 * The right edge measured on earlier pages counts too, so a last page holding only the 署名 and the
 * date does not take its longest short line for a full one and run the two together.
 */
export function pageParagraphs(runs: PlacedRun[], block: TextBlock = newTextBlock()): string[] {
  const lines = buildLines(runs);
  if (lines.length === 0) return [];
  // Reduced, not spread: a page may hold more lines than a call takes arguments.
  const left = lines.reduce((min, l) => Math.min(min, l.start), Infinity);
  const right = lines.reduce((max, l) => Math.max(max, l.end), block.right);
  const moved = lines.some((l) => l.end > block.right + 2 * l.size);
  block.right = right;
  block.fullLines = (moved ? 0 : block.fullLines) + lines.filter((l) => reachesEdge(l, right)).length;
  const edgeKnown = block.fullLines >= 2;
  const pitch = linePitch(lines);
  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const continues =
      previous !== null &&
      edgeKnown &&
      !previous.cells &&
      !line.cells &&
      !CLOSING.test(previous.text) &&
      Math.abs(line.size - previous.size) <= 0.15 * previous.size &&
      line.y - previous.y <= Math.max(2.2 * previous.size, 1.25 * pitch) &&
      reachesEdge(previous, right) &&
      previous.start <= left + 2.5 * previous.size &&
      line.start <= left + 0.8 * line.size;
    if (continues) paragraphs[paragraphs.length - 1] = joinLines(paragraphs.at(-1)!, line.text);
    else paragraphs.push(line.text);
    previous = line;
  }
  return paragraphs;
}
