import { commonUnits, namedUnits, run, scanAll, unitsFor } from './redos-inputs.ts';
import type { ShippedPattern } from './redos-patterns.ts';

/**
 * A pattern is judged by how its time grows, not by a machine's speed: from 2 Ki to 16 Ki to 128 Ki to 1 Mi
 * characters a linear pattern takes about 8× longer at each step and a quadratic one about 64×. Small steps come
 * first, so a quadratic pattern is caught in milliseconds, before it is given a text it would take hours on.
 *
 * Each size is first timed once by the wall clock; most patterns skip through most runs in well under a
 * millisecond and are done with. A step that takes long enough to matter is judged in this thread's own CPU
 * time instead (on a loaded machine the wall clock also charges a run for the time it waited for a core),
 * over as many passes as it takes to rise well above the clock's tick: past 3× the linear growth it is
 * super-linear. 1 Mi characters must also finish within an absolute bound.
 */
export const sizes = [2 * 1024, 16 * 1024, 128 * 1024, 1024 * 1024] as const;
const slack = 3;
/**
 * Wall time under which a step is not judged: too short to matter at this size (even on a busy machine a linear
 * pattern at 1 Mi is rarely this slow, and a quadratic one this quick would still take seconds only at 5 Mi),
 * and a quadratic pattern that passes unjudged at 128 Ki (64× more at 1 Mi) is judged at 1 Mi.
 */
const judgedFromMs = [Infinity, 10, 50, 250] as const;
/** Generous for a linear pattern on 1 Mi characters on a slow, busy machine (they take 1–50 ms of CPU here). */
const largestBoundMs = 2_000;
/**
 * Runs other than the named ones go on to 1 Mi only when the pattern works on them at 128 Ki (this long): below
 * it, even a cubic pattern stays under the absolute bound at 1 Mi.
 */
const engagedMs = 1;
/** CPU clocks often tick every 4 ms: passes spanning four ticks keep a step's ratio within 1.7× of the truth. */
const tickProofMs = 16;

const threadCpuMs = (): number => {
  const usage = process.threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** One pass of the work under test over a text. */
type Pass = (text: string) => void;

function wallMs(pass: Pass, text: string): number {
  const began = performance.now();
  pass(text);
  return performance.now() - began;
}

/** CPU ms per pass over the text, averaged over enough passes for the clock's tick to vanish. */
function cpuMs(pass: Pass, text: string): number {
  const began = threadCpuMs();
  let passes = 0;
  let spent = 0;
  do {
    pass(text);
    passes++;
    spent = threadCpuMs() - began;
  } while (spent < tickProofMs && passes < 4000);
  return spent / passes;
}

/**
 * Null when the work stays near-linear on the run of texts (`text(k)` is `sizes[k]` characters long); otherwise
 * what was measured. `toLargest: false` stops before 1 Mi when the work skips through 128 Ki.
 */
export function ladder(pass: Pass, text: (k: number) => string, toLargest: boolean, boundMs = largestBoundMs): string | null {
  // The first pass over a kind of string compiles a pattern for it: not part of any timing.
  pass(text(0));
  let previous = wallMs(pass, text(0));
  for (let k = 1; k < sizes.length; k++) {
    const largest = k === sizes.length - 1;
    if (largest && !toLargest && previous < engagedMs) return null;
    const current = wallMs(pass, text(k));
    if (current >= judgedFromMs[k]! || (largest && current > boundMs)) {
      const growth = sizes[k]! / sizes[k - 1]!;
      // A collection or a neighbour's burst can land in one measurement: a step is judged super-linear only when
      // it stays so on the best of three tries (a run over the bound is slow enough to need no second look).
      let before = Infinity;
      let now = Infinity;
      for (let tries = 0; tries < 3; tries++) {
        before = Math.min(before, cpuMs(pass, text(k - 1)));
        now = Math.min(now, cpuMs(pass, text(k)));
        if (now <= Math.max(before, 0.05) * growth * slack || now > boundMs) break;
      }
      const measured = `${sizes[k - 1]! / 1024} Ki: ${before.toFixed(2)} ms, ${sizes[k]! / 1024} Ki: ${now.toFixed(2)} ms of CPU`;
      if (now > Math.max(before, 0.05) * growth * slack) return `grows ${(now / Math.max(before, 0.05)).toFixed(0)}× for ${growth}× the text (${measured})`;
      if (largest && now > boundMs) return `over ${boundMs} ms at 1 Mi (${measured})`;
    }
    previous = current;
  }
  return null;
}

/** The runs every pattern meets, built once for all of them. */
const commonTexts = new Map(commonUnits.map((unit) => [unit, [] as string[]]));

/**
 * Runs each pattern over runs of the named units (always up to 1 Mi characters), of the common units and of its
 * own characters and character pairs; lists every pattern and run that grew super-linearly.
 */
export function superLinear(patterns: readonly ShippedPattern[]): string[] {
  const byUnit = new Map<string, ShippedPattern[]>();
  for (const pattern of patterns) for (const unit of unitsFor(pattern.regex)) byUnit.set(unit, [...(byUnit.get(unit) ?? []), pattern]);
  const named = new Set(namedUnits);
  const caught = new Set<ShippedPattern>();
  const found: string[] = [];
  for (const [unit, users] of byUnit) {
    const texts = commonTexts.get(unit) ?? [];
    const text = (k: number) => (texts[k] ??= run(unit, sizes[k]!));
    for (const pattern of users) {
      if (caught.has(pattern)) continue;
      const seen = ladder((t) => scanAll(pattern.regex, t), text, named.has(unit));
      if (!seen) continue;
      // One run is proof enough; timing the pattern on its other runs would only take long.
      caught.add(pattern);
      found.push(`${pattern.where} ${String(pattern.regex).slice(0, 80)} on ${JSON.stringify(unit)}…: ${seen}`);
    }
  }
  return found;
}
