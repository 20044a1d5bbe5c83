import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { drafts, heldoutDir, readExpectation, runDraft, summarise, type DraftOutcome } from './heldout-eval.ts';

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
    const expected = readExpectation(name);
    expect(expected.attribute.length, 'the expectation allows at least one attribute').toBeGreaterThan(0);
    const vacuous = [...expected.find, ...(expected.may ?? []), ...(expected.notFind ?? [])].filter((s) => s.category === undefined && s.piiType === undefined && !s.term);
    expect(vacuous, 'a finding spec with no category, piiType or term is met by any concern').toEqual([]);
    const outcome = runDraft(scanner, name);
    outcomes.push(outcome);
    expect({ attribute: outcome.attribute, attributeOk: outcome.attributeOk }).toMatchObject({ attributeOk: true });
    expect(outcome.missed).toEqual([]);
    expect(outcome.unexpected.map(brief)).toEqual([]);
    expect(outcome.forbidden.map(brief)).toEqual([]);
    expect(outcome.warningOk).toBe(true);
  });

  it('pairs every draft with its expectation, and every expectation with its draft', () => {
    const files = fs.readdirSync(heldoutDir);
    const stems = (ext: string) => files.filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
    expect(stems('.txt').length).toBeGreaterThan(0);
    expect(stems('.json')).toEqual(stems('.txt'));
  });
});
