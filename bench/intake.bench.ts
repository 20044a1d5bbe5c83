// Intake benchmark: a ~300-page .docx, a ~200-page .pdf and a batch of 200 small .docx, each made here.
// Prints wall time and peak RSS (the whole process, so the parse worker is included), with ratios to targets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeIntake, extractFile } from '../tests/helpers/intake.ts';
import { defaultIntakeLimits } from '../shared/intake-limits.ts';
import { makeDocx, makePdf, makeWordXmlDocx } from '../tests/helpers/fixtures.ts';
import { bigDocxBlocks, sentence, wordLikeBody } from './docx-drafts.ts';

const MB = 1024 * 1024;
const TARGET_SINGLE_MS = defaultIntakeLimits.timeoutMs;
const TARGET_RSS_MB = 1024;
const TARGET_BATCH_FILES_PER_S = 5;

async function measure<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { value, ms, peakRssMb: peak / MB };
}

const ratio = (value: number, target: number) => `${(value / target).toFixed(2)}× target`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-bench-'));
  try {
    const docxPath = path.join(dir, 'big.docx');
    // A page header and a page-number footer, as most drafts have: their parts are read too.
    const docxBytes = await makeDocx(bigDocxBlocks(300), { header: '内部资料 注意保管', footer: '— {PAGE} —', first: true });
    writeFileSync(docxPath, docxBytes);
    const wordPath = path.join(dir, 'word-like.docx');
    const wordBytes = makeWordXmlDocx(wordLikeBody(300), { headers: ['<w:p><w:r><w:t>工作秘密</w:t></w:r></w:p>'], footers: ['<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'] });
    writeFileSync(wordPath, wordBytes);
    const pdfPath = path.join(dir, 'big.pdf');
    const pdfPages = Array.from({ length: 200 }, (_, p) => [{ text: `第${p + 1}页`, size: 18, centered: true }, ...Array.from({ length: 6 }, () => ({ text: sentence + sentence, indent: 32 }))]);
    writeFileSync(pdfPath, await makePdf(pdfPages));
    const small = await Promise.all(Array.from({ length: 200 }, (_, i) => makeDocx([{ title: `关于第${i + 1}项工作的通知` }, '各单位：', sentence, '某某局', '2024年5月6日'])));
    const smallPaths = small.map((bytes, i) => {
      const file = path.join(dir, `small-${i}.docx`);
      writeFileSync(file, bytes);
      return file;
    });

    // Warm the pool so the single-file figures are parse time, not worker start-up.
    await extractFile(smallPaths[0]!);
    const baseRss = process.memoryUsage.rss() / MB;
    console.log(`baseline RSS ${baseRss.toFixed(0)} MB (main thread + warm parse workers)`);

    for (const [label, file] of [['docx, ~300 pages', docxPath], ['Word-like docx, 300 pages', wordPath], ['pdf, 200 pages', pdfPath]] as const) {
      const { value, ms, peakRssMb } = await measure(() => extractFile(file));
      if (!value.ok) throw new Error(`${label}: ${value.error.message}`);
      const doc = value.document;
      console.log(
        `${label}: ${(doc.byteSize / 1024).toFixed(0)} KB, ${doc.paragraphs.length} paragraphs, ${doc.charCount} chars, pages ${doc.pageCount ?? '—'}; ` +
          `${ms.toFixed(0)} ms (${ratio(ms, TARGET_SINGLE_MS)}), peak RSS ${peakRssMb.toFixed(0)} MB, +${(peakRssMb - baseRss).toFixed(0)} MB over baseline (${ratio(peakRssMb - baseRss, TARGET_RSS_MB)} of the ${TARGET_RSS_MB} MB worker heap cap)`,
      );
    }

    const pooled = await measure(() => Promise.all(smallPaths.map((f) => extractFile(f))));
    const okCount = pooled.value.filter((r) => r.ok).length;
    const rate = (smallPaths.length / pooled.ms) * 1000;
    console.log(
      `batch of ${smallPaths.length} small docx, pooled workers: ${pooled.ms.toFixed(0)} ms, ${rate.toFixed(1)} files/s ` +
        `(${(rate / TARGET_BATCH_FILES_PER_S).toFixed(2)}× target ${TARGET_BATCH_FILES_PER_S}/s), ${okCount} ok, peak RSS ${pooled.peakRssMb.toFixed(0)} MB`,
    );

    const sample = smallPaths.slice(0, 20);
    const fresh = await measure(async () => {
      for (const f of sample) {
        await extractFile(f);
        await closeIntake();
      }
    });
    const freshRate = (sample.length / fresh.ms) * 1000;
    console.log(`same files, a new worker per file (no pool): ${freshRate.toFixed(1)} files/s → pool is ${(rate / freshRate).toFixed(1)}× faster`);
  } finally {
    await closeIntake();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
