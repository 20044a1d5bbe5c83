import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIntake } from '../../electron/core/intake/index.ts';
import { findingContext, judge, readExpectations, realDocsDir, runCorpus, type Outcome, type Verdict } from './corpus.ts';

const present = fs.existsSync(realDocsDir);
const ci = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const expectations = readExpectations();

if (!present && !ci) console.warn(`真实公文测试已跳过：未找到 ${realDocsDir}（在 CI=true 时缺失会使测试失败）。`);

describe.runIf(present || ci)('real published documents (../shared/real-docs)', () => {
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    if (!present) throw new Error(`CI=true but ${realDocsDir} is missing: the real-document suite cannot run`);
    for (const outcome of await runCorpus(expectations.map((e) => e.file))) outcomes.set(outcome.file, outcome);
  }, 300_000);

  afterAll(() => closeIntake());

  it('has an expectation for every document in the folder and a document for every expectation', () => {
    const kitFiles = new Set(['README.md', 'MANIFEST.tsv']);
    const onDisk = fs.readdirSync(realDocsDir).filter((f) => !kitFiles.has(f) && !f.startsWith('.')).sort();
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
