import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile, type Analyzer } from '../../electron/core/register/import-jobs.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import type { Analysis } from '../../electron/core/intake/index.ts';
import { closeIntake, testAnalyzer } from '../helpers/intake.ts';
import { makeTeam, openTestRecords, tempDir } from './helpers.ts';

afterAll(() => closeIntake());

/** The real intake and scanner, counting every file handed to them and keeping what they read. */
function countingAnalyzer() {
  const real = testAnalyzer();
  const reads: string[] = [];
  const analyses: Analysis[] = [];
  const analyzer: Analyzer = {
    extract: (file, limits) => {
      reads.push(file);
      return real.extract(file, limits);
    },
    analyze: async (file, limits) => {
      reads.push(file);
      const analysis = await real.analyze(file, limits);
      analyses.push(analysis);
      return analysis;
    },
  };
  return { analyzer, reads, analyses };
}

const loadEntries = (ctx: ReturnType<typeof openTestRecords>) =>
  ctx.store.audit.list({ action: 'document.load' }).rows.sort((a, b) => a.seq - b.seq).map((r) => ({ user: r.user, documentSha256: r.documentSha256, payload: JSON.parse(r.payload) as unknown }));

describe('importing a file the register already holds', () => {
  it.each([
    ['an open notice', '关于开展植树活动的通知\n各单位：请积极参加。\n（此件公开发布）\n', false],
    ['a classified draft', '秘密★1年\n关于调整值班安排的通知\n各科室：值班安排调整如下。\n', true],
  ])('never reaches the parser and gives what reading it again would have given (%s)', async (_, text, classified) => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const dir = tempDir();
    const file = path.join(dir, '通知.txt');
    fs.writeFileSync(file, text);
    const { analyzer, reads, analyses } = countingAnalyzer();

    const first = await importFile(ctx, team.drafter, analyzer, file);
    expect(first).toMatchObject({ ok: true, outcome: { existing: false } });
    expect(reads).toHaveLength(1);

    const again = await importFile(ctx, team.drafter, analyzer, file);
    expect(reads).toHaveLength(1);

    const read = analyses[0]!;
    if (!read.ok) throw new Error('the sample should read');
    const today = loadDocument(ctx, team.drafter, read.document, read.scan);
    expect(today.existing).toBe(true);
    expect(today.classifiedWarning !== null).toBe(classified);
    expect(again).toEqual({ ok: true, outcome: today });
    const [, viaHash, viaParse] = loadEntries(ctx);
    expect(viaHash).toEqual(viaParse);
  });

  it('recognises the content under another name and records that name', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '关于开展植树活动的通知\n各单位：请积极参加。\n');
    fs.copyFileSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const { analyzer, reads } = countingAnalyzer();

    const first = await importFile(ctx, team.drafter, analyzer, path.join(dir, 'a.txt'));
    const copy = await importFile(ctx, team.drafter, analyzer, path.join(dir, 'b.txt'));
    expect(reads.map((f) => path.basename(f))).toEqual(['a.txt']);
    expect(copy).toEqual({ ok: true, outcome: { ...(first.ok && first.outcome), existing: true } });
    expect(loadEntries(ctx).map((e) => e.payload)).toEqual([expect.objectContaining({ fileName: 'a.txt', existing: false }), { fileName: 'b.txt', existing: true }]);
  });

  it('still reads, and refuses, a file whose content is new or that intake turns away', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'new.txt'), '关于开展植树活动的通知\n');
    const { analyzer, reads } = countingAnalyzer();

    expect(await importFile(ctx, team.drafter, analyzer, path.join(dir, 'empty.txt'))).toMatchObject({ ok: false, code: 'empty' });
    expect(await importFile(ctx, team.drafter, analyzer, path.join(dir, 'missing.txt'))).toMatchObject({ ok: false });
    expect(await importFile(ctx, team.drafter, analyzer, path.join(dir, 'new.txt'))).toMatchObject({ ok: true, outcome: { existing: false } });
    expect(reads.map((f) => path.basename(f))).toEqual(['empty.txt', 'missing.txt', 'new.txt']);
  });
});
