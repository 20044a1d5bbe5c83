import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIntake } from '../helpers/intake.ts';
import { requireKit } from '../helpers/kit.ts';
import { findingContext, judge, readExpectations, runCorpus, type Outcome, type Verdict } from './corpus.ts';

const realDocsDir = requireKit('real-docs');
const expectations = readExpectations();

describe.runIf(!!realDocsDir)('real published documents (../shared/real-docs)', () => {
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    for (const outcome of await runCorpus(expectations.map((e) => e.file))) outcomes.set(outcome.file, outcome);
  }, 300_000);

  afterAll(() => closeIntake());

  it('has an expectation for every document in the folder and a document for every expectation', () => {
    const kitFiles = new Set(['README.md', 'MANIFEST.tsv']);
    const onDisk = fs.readdirSync(realDocsDir!).filter((f) => !kitFiles.has(f) && !f.startsWith('.')).sort();
    expect(expectations.map((e) => e.file).sort()).toEqual(onDisk);
  });

  const describeVerdict = (v: Verdict) =>
    v.falseFindings.map((f) => `${f.category}/${f.rule} ${f.term}: ${findingContext(v.outcome, f)}`).join('\n');

  it.each(expectations.map((e) => [e.file, e] as const))('%s', (_file, expectation) => {
    const outcome = outcomes.get(expectation.file)!;
    const verdict = judge(expectation, outcome);
    if (expectation.outcome !== 'read') {
      expect(outcome.intake.ok, 'a legacy binary file gets an error line, not a reading').toBe(false);
      expect(verdict.errorNamesFormat, `the error names the format: ${outcome.intake.ok ? '' : outcome.intake.error.message}`).toBe(true);
      return;
    }
    expect(outcome.intake.ok, outcome.intake.ok ? '' : outcome.intake.error.message).toBe(true);
    const reasons = outcome.scan?.suggestion.reasons.join('；') ?? '';
    if (expectation.knownMiss) expect.soft(verdict.attributeOk, `known disagreement (${expectation.knownMiss}); the suggestion now agrees, so clear known_miss`).toBe(false);
    else expect.soft(verdict.attribute, `suggested attribute (allowed: ${expectation.attributes.join(' or ')}); reasons: ${reasons}`).toBeOneOf(expectation.attributes);
    expect.soft(verdict.falseFindings.length, `non-negated findings on normative text:\n${describeVerdict(verdict)}`).toBe(0);
    for (const [name, check] of [['title', verdict.title], ['docNumber', verdict.docNumber], ['date', verdict.date]] as const) {
      if (check) expect.soft(check.ok ? check.expected : check.got, name).toBe(check.expected);
    }
  });
});
