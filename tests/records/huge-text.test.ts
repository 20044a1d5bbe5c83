import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/register/import-jobs.ts';
import { verifyRecord } from '../../electron/core/ledger/verify.ts';
import { defaultIntakeLimits, MB, plainTextMaxBytes } from '../../shared/intake-limits.ts';
import { hugeChineseText } from '../helpers/chinese-text.ts';
import { closeIntake, extractBytes, testAnalyzer } from '../helpers/intake.ts';
import { makeTeam, openTestRecords, tempDir } from './helpers.ts';

afterAll(() => closeIntake());

// A busy machine may take a while over 8 MB; the time limit is not what these tests are about.
const analyzer = testAnalyzer({ limits: { timeoutMs: 300_000 } });

describe('a huge plain text', () => {
  it('loads an 8 MB text whole and stores it in under twice its size, under a chain that verifies', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'record.sqlite');
    const ctx = openTestRecords(dbFile);
    const team = makeTeam(ctx);
    const file = path.join(dir, '年度来信汇编.txt');
    const source = hugeChineseText(8 * MB);
    fs.writeFileSync(file, source);
    const size = fs.statSync(file).size;

    const result = await importFile(ctx, team.drafter, analyzer, file);
    expect(result).toMatchObject({ ok: true, outcome: { existing: false } });
    const id = result.ok ? result.outcome.documentId : 0;
    const doc = ctx.store.documents.get(id)!;
    expect(doc.text).toBe(source.trimEnd());
    expect(doc.charCount).toBe([...source.trimEnd()].length);
    expect(doc.paragraphs.length).toBe(source.trimEnd().split('\n').length);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(verifyRecord(ctx.store).intact).toBe(true);

    const db = new Database(dbFile, { readonly: true });
    const stored = db
      .prepare('SELECT length(CAST(text AS BLOB)) + length(CAST(paragraphs AS BLOB)) + length(CAST(findings AS BLOB)) + length(CAST(suggestion AS BLOB)) FROM document_content WHERE documentId = ?')
      .pluck()
      .get(id) as number;
    db.close();
    expect(stored).toBeGreaterThan(size);
    expect(stored).toBeLessThanOrEqual(2 * size);
  }, 300_000);

  it('refuses a text over the plain-text limit unread, naming the file, its size and the limit in Chinese', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const dir = tempDir();
    const file = path.join(dir, '十年信访汇编.txt');
    fs.writeFileSync(file, hugeChineseText(12 * MB));

    const result = await importFile(ctx, team.drafter, analyzer, file);
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain('“十年信访汇编.txt”是纯文本文件，大小为 12 MB');
    expect(message).toContain(`超过纯文本扫描 ${plainTextMaxBytes / MB} MB 的上限`);
    expect(ctx.store.documents.list({}).total).toBe(0);
  });

  it('refuses plain text over the limit by its content too, whatever it is named, yet still reads it when asked only to read', async () => {
    const dir = tempDir();
    const text = hugeChineseText(plainTextMaxBytes + MB);
    for (const name of ['汇编', '汇编.txt']) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const analysis = await analyzer.analyze(file, defaultIntakeLimits);
      expect(analysis.ok).toBe(false);
      if (!analysis.ok) expect(analysis.error).toMatchObject({ code: 'too-large', message: expect.stringContaining(`“${name}”是纯文本文件，大小为 11 MB`) });
    }
    const read = await extractBytes(new TextEncoder().encode(text), '汇编.txt');
    expect(read.ok && read.document.text).toBe(text.trimEnd());
  });
});
