import type { Span } from '../../../shared/types.ts';

/** The first index in [0, length) where `before(i)` turns false; `before` must hold on a prefix and nowhere after. */
function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first number at or after `at` in an ascending list. */
export const firstAtOrAfter = (list: ArrayLike<number>, at: number): number => partitionPoint(list.length, (i) => list[i]! < at);

/** Index of the first span starting at or after `at`, in spans sorted by start. */
export const firstStartingFrom = (spans: readonly Span[], at: number): number => partitionPoint(spans.length, (i) => spans[i]!.start < at);

/** Index of the first span ending after `at`, in spans sorted by end (or sorted and not overlapping). */
export const firstEndingAfter = (spans: readonly Span[], at: number): number => partitionPoint(spans.length, (i) => spans[i]!.end <= at);

/** Index of the last item at or before `at` in an ascending list of positions or starts; 0 when none is. */
export const lastAtOrBefore = (length: number, startOf: (i: number) => number, at: number): number => Math.max(0, partitionPoint(length, (i) => startOf(i) <= at) - 1);

const digit = /\d/;

/**
 * Where each kind of stop (sentence end, clause end, line break) stands in a text, found once per text and stop:
 * a document with thousands of hits in one endless line would otherwise be walked once per hit. Each reader keeps
 * its own finder holding one text, because telling two long, nearly equal texts apart costs a walk of both.
 * Each stop must match exactly one character.
 */
export function stopFinder(): (text: string, stop: RegExp) => number[] {
  let memo: { text: string; byStop: Map<RegExp, number[]> } | null = null;
  return (text, stop) => {
    if (memo?.text !== text) memo = { text, byStop: new Map() };
    let list = memo.byStop.get(stop);
    if (!list) {
      list = [];
      // A stop is one character, so the regex engine's own scan finds them all in one pass.
      const all = new RegExp(stop.source, `${stop.flags.replace(/[gy]/g, '')}g`);
      // A comma between digits groups thousands (1,245件次); it ends no clause.
      for (const m of text.matchAll(all)) {
        const i = m.index;
        if (!(text[i] === ',' && digit.test(text[i - 1] ?? '') && digit.test(text[i + 1] ?? ''))) list.push(i);
      }
      memo.byStop.set(stop, list);
    }
    return list;
  };
}
