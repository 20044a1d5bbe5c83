import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIntake } from '../../electron/core/intake/index.ts';
import { createScanner, defaultLexiconDir } from '../../electron/core/scanner/index.ts';
import { closeIntake, extractFile, scanningWorker, testAnalyzer } from '../helpers/intake.ts';
import { defaultIntakeLimits } from '../../shared/intake-limits.ts';
import { draftFile, formatDrafts } from '../scanner/heldout-formats.ts';
import * as drafts from '../scanner/drafts.ts';

const { analyzeFile, close } = createIntake(scanningWorker);
afterAll(() => Promise.all([closeIntake(), close()]));

const heldoutDir = path.resolve(import.meta.dirname, '../scanner/heldout');
const setup = { lexiconDir: defaultLexiconDir(), generation: 1 };

/** Every held-out draft as .txt, those that name a format also as that file, and the scanner's own drafts. */
async function corpus(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-scan-worker-'));
  const files = fs.readdirSync(heldoutDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(heldoutDir, f));
  for (const { name } of formatDrafts()) {
    const { fileName, bytes } = await draftFile(name);
    fs.writeFileSync(path.join(dir, fileName), bytes);
    files.push(path.join(dir, fileName));
  }
  for (const [name, text] of Object.entries(drafts)) {
    fs.writeFileSync(path.join(dir, `${name}.txt`), text);
    files.push(path.join(dir, `${name}.txt`));
  }
  return files;
}

describe('scanning in the intake worker', () => {
  it('finds exactly what the in-process scanner finds, with the same suggestion, on the whole scanner corpus', async () => {
    const scanner = createScanner();
    const files = await corpus();
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const [analysis, read] = await Promise.all([analyzeFile(file, setup), extractFile(file)]);
      if (!read.ok) throw new Error(read.error.message);
      expect(analysis.ok, file).toBe(true);
      if (!analysis.ok) continue;
      expect(analysis.document, file).toEqual(read.document);
      expect(analysis.scan, file).toEqual(scanner.scan(read.document));
    }
  }, 600_000);

  it('stops a scan that outruns the time limit with a per-file "timeout" naming the file, and reads the next file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-scan-timeout-'));
    // A named informant (a lexicon hit and a name) every five characters of one endless sentence: two million
    // characters read in about a second but keep the scanner busy for about 25 s, far past the six-second limit.
    const flood = path.join(dir, '密集.txt');
    fs.writeFileSync(flood, '举报人张三'.repeat(400_000));
    const notice = path.join(dir, '通知.txt');
    fs.writeFileSync(notice, drafts.penaltyDecision);
    const [stopped, next] = await Promise.all([analyzeFile(flood, setup, { timeoutMs: 6000 }), analyzeFile(notice, setup)]);
    expect(stopped).toEqual({ ok: false, fileName: '密集.txt', error: { code: 'timeout', message: '扫描“密集.txt”超过 6 秒仍未完成（内容可能异常或经过恶意构造），已停止扫描。' } });
    expect(next.ok && next.scan.findings.some((f) => f.piiType === 'mobile')).toBe(true);
    const after = await analyzeFile(notice, setup);
    expect(after.ok).toBe(true);
  }, 120_000);

  it('loads a new lexicon for a new generation, so an edit reaches the next scan', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-scan-lexicon-'));
    const userLexiconDir = path.join(dir, 'lexicon');
    fs.mkdirSync(userLexiconDir);
    const file = path.join(dir, '通知.txt');
    fs.writeFileSync(file, '关于青松计划的通知\n请各单位按青松计划执行。\n');
    const before = await analyzeFile(file, { ...setup, userLexiconDir, generation: 10 });
    fs.writeFileSync(path.join(userLexiconDir, 'user.tsv'), 'pattern\tcategory\tweight\tmode\tnote\tbasis\n青松计划\t7\t0.9\tany\t内部代号\t\n');
    const same = await analyzeFile(file, { ...setup, userLexiconDir, generation: 10 });
    const edited = await analyzeFile(file, { ...setup, userLexiconDir, generation: 11 });
    const hits = (a: typeof before) => (a.ok ? a.scan.findings.filter((f) => f.term === '青松计划').length : -1);
    expect([hits(before), hits(same), hits(edited)]).toEqual([0, 0, 2]);
  }, 120_000);

  it('edits reach the next scan once the analyzer is told the lexicon changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-scan-analyzer-'));
    const userLexiconDir = path.join(dir, 'lexicon');
    fs.mkdirSync(userLexiconDir);
    const file = path.join(dir, '通知.txt');
    fs.writeFileSync(file, '关于青松计划的通知\n请各单位按青松计划执行。\n');
    const analyzer = testAnalyzer({ userLexiconDir });
    const hits = async () => {
      const a = await analyzer.analyze(file, defaultIntakeLimits);
      return a.ok ? a.scan.findings.filter((f) => f.term === '青松计划').length : -1;
    };
    const before = await hits();
    fs.writeFileSync(path.join(userLexiconDir, 'user.tsv'), 'pattern\tcategory\tweight\tmode\tnote\tbasis\n青松计划\t7\t0.9\tany\t内部代号\t\n');
    const untold = await hits();
    analyzer.lexiconChanged();
    expect([before, untold, await hits()]).toEqual([0, 0, 2]);
  }, 120_000);

  it('a reading-only intake reads but refuses to scan, so it never loads the scanner', async () => {
    const reading = createIntake();
    try {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-read-only-')), '通知.txt');
      fs.writeFileSync(file, drafts.penaltyDecision);
      expect((await reading.extractFile(file)).ok).toBe(true);
      await expect(reading.analyzeFile(file, setup)).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/reads only/) });
    } finally {
      await reading.close();
    }
  });
});
