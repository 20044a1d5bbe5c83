import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { compilations, compilationsDir, evaluate, type CompilationOutcome } from './compilations-eval.ts';

// Compilations written for this test with fictitious people (tests/fixtures/compilations/generate.ts); the truth beside each
// lists every personal value in it. Set COMPILATIONS_REPORT=1 to print recall and precision per kind.
let scanner: Scanner;
const outcomes: CompilationOutcome[] = [];
beforeAll(() => {
  scanner = createScanner();
});
afterAll(async () => {
  await closeIntake();
  if (process.env.COMPILATIONS_REPORT) report(outcomes);
});

async function run(file: string): Promise<CompilationOutcome> {
  const read = await extractFile(path.join(compilationsDir, file));
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  const outcome = evaluate(file, read.document, scanner.scan(read.document).findings);
  outcomes.push(outcome);
  return outcome;
}

describe('personal values in realistic compilations', () => {
  for (const { file, description } of compilations()) {
    it(`finds at least 99% of the personal values in ${file} (${description}) and no masked value`, async () => {
      const outcome = await run(file);
      expect(outcome.maskedFound).toEqual([]);
      expect(outcome.recall, JSON.stringify(outcome.missed.slice(0, 15), null, 1)).toBeGreaterThanOrEqual(0.99);
    });
  }
});

function report(all: CompilationOutcome[]): void {
  const kinds = ['name', 'phone', 'id-card', 'address', 'bank-card', 'other'] as const;
  const total = Object.fromEntries(kinds.map((k) => [k, { expected: 0, found: 0, reported: 0, wrong: 0 }]));
  const lines = ['file\trecall\tmissed\tfalse positives\tmasked found'];
  for (const o of all) {
    lines.push(`${o.file}\t${o.recall.toFixed(3)}\t${o.missed.length}\t${o.falsePositives.length}\t${o.maskedFound.length}`);
    for (const k of kinds) for (const key of ['expected', 'found', 'reported', 'wrong'] as const) total[k]![key] += o.byKind[k][key];
  }
  lines.push('', 'kind\texpected\tfound\trecall\tconcerns\twrong\tprecision');
  for (const k of kinds) {
    const t = total[k]!;
    lines.push(`${k}\t${t.expected}\t${t.found}\t${t.expected ? (t.found / t.expected).toFixed(3) : '-'}\t${t.reported}\t${t.wrong}\t${t.reported ? ((t.reported - t.wrong) / t.reported).toFixed(3) : '-'}`);
  }
  for (const o of all) {
    for (const m of o.missed.slice(0, 40)) lines.push(`MISS ${o.file} ${m.kind} ${m.value} … ${m.context}`);
    for (const f of o.falsePositives.slice(0, 40)) lines.push(`FP   ${o.file} ${f.piiType} ${f.term} … ${f.context}`);
    for (const f of o.maskedFound) lines.push(`MASK ${o.file} ${f.value} ← ${f.finding}`);
  }
  console.info(lines.join('\n'));
}
