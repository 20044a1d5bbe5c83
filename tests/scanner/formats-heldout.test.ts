import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIntake, extractBytes } from '../helpers/intake.ts';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { judgeDraft } from './heldout-eval.ts';
import { draftFile, formatDrafts } from './heldout-formats.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});
afterAll(() => closeIntake());

const brief = (f: { category: number; piiType: string | null; term: string; score: number; rule: string }) => `${f.category}/${f.piiType ?? 'term'} “${f.term}” ${f.score} ${f.rule}`;

describe('held-out drafts delivered as .docx (headings, table, header, footer), .pdf (extraction line breaks) and .ofd (positioned text lines)', () => {
  it.each(formatDrafts().map((d) => [`${d.name}.${d.format}`, d.name] as const))('%s meets its expectation after intake', async (_label, name) => {
    const { fileName, bytes } = await draftFile(name);
    const intake = await extractBytes(bytes, fileName);
    if (!intake.ok) throw new Error(`${fileName}: ${intake.error.code}`);
    const outcome = judgeDraft(name, scanner.scan(intake.document));
    expect({ attribute: outcome.attribute, attributeOk: outcome.attributeOk }).toMatchObject({ attributeOk: true });
    expect(outcome.missed).toEqual([]);
    expect(outcome.unexpected.map(brief)).toEqual([]);
    expect(outcome.forbidden.map(brief)).toEqual([]);
    expect(outcome.warningOk).toBe(true);
  });
});
