import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { drafts, runDraft, summarise, type DraftOutcome } from './heldout-eval.ts';

let scanner: Scanner;
const outcomes: DraftOutcome[] = [];
beforeAll(() => {
  scanner = createScanner();
});
afterAll(() => {
  const { recall, precision, attributes } = summarise(outcomes);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`held-out drafts: ${outcomes.length}, recall ${pct(recall)}, precision ${pct(precision)}, attribute agreement ${pct(attributes)}`);
});

const brief = (f: { category: number; piiType: string | null; term: string; score: number; rule: string }) => `${f.category}/${f.piiType ?? 'term'} “${f.term}” ${f.score} ${f.rule}`;

describe('held-out drafts (tests/scanner/heldout, each with its expected outcome beside it)', () => {
  it.each(drafts())('%s meets its expectation', (name) => {
    const outcome = runDraft(scanner, name);
    outcomes.push(outcome);
    expect({ attribute: outcome.attribute, attributeOk: outcome.attributeOk }).toMatchObject({ attributeOk: true });
    expect(outcome.missed).toEqual([]);
    expect(outcome.unexpected.map(brief)).toEqual([]);
    expect(outcome.forbidden.map(brief)).toEqual([]);
    expect(outcome.warningOk).toBe(true);
  });

  it('holds recall and precision over the whole set', () => {
    const all = drafts().map((name) => runDraft(scanner, name));
    const { recall, precision, attributes } = summarise(all);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(attributes).toBeGreaterThanOrEqual(0.95);
  });
});
