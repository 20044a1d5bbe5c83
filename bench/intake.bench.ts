// Intake benchmark: a ~300-page .docx, a ~200-page .pdf and a batch of 200 small .docx, each made here.
// Prints wall time and peak RSS (the whole process, so the parse worker is included), with ratios to targets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { closeIntake, extractFile } from '../electron/core/intake/index.ts';
import { defaultIntakeLimits } from '../shared/intake-limits.ts';
import { pageBreakStyles, readDocxBody } from '../electron/core/intake/docx-body.ts';
import { placeOnPages } from '../electron/core/intake/docx-pages.ts';
import type { ExtractedDocument } from '../shared/types.ts';
import { makeDocx, makePdf, makeWordXmlDocx, type DocxBlock } from '../tests/helpers/fixtures.ts';

const MB = 1024 * 1024;
const TARGET_SINGLE_MS = defaultIntakeLimits.timeoutMs;
const TARGET_RSS_MB = 1024;
const TARGET_BATCH_FILES_PER_S = 5;

const sentence = '为加快法治政府、服务型政府建设，提高行政效能，切实保障人民群众的知情权、参与权和监督权，全面推动我市政务公开工作，结合实际制定本规范。';

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

function bigDocxBlocks(pages: number): DocxBlock[] {
  const blocks: DocxBlock[] = [{ title: '关于印发政务公开工作规范的通知' }];
  for (let p = 0; p < pages; p++) {
    blocks.push({ heading: 2, text: `第${p + 1}部分` });
    for (let i = 0; i < 8; i++) blocks.push(`${p + 1}.${i + 1} ${sentence}`);
    if (p % 10 === 0) blocks.push({ table: [['事项', '责任单位', '时限'], ['政务公开目录', '办公室', '20个工作日']] });
    blocks.push({ pageBreak: true });
  }
  return blocks;
}

/**
 * What Word itself writes for ~300 pages: every paragraph in several runs with revision ids and run
 * properties, pages ending mid-paragraph at a rendered break, a hard break and section every 50 pages.
 */
function wordLikeBody(pages: number): string {
  const rPr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>';
  const run = (text: string, extra = '') => `<w:r w:rsidRPr="00A1B2C3">${rPr}${extra}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const pPr = '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>' + rPr + '</w:pPr>';
  const paragraphs: string[] = [];
  for (let p = 0; p < pages; p++) {
    const hard = p > 0 && p % 50 === 0;
    if (hard) paragraphs.push(`<w:p>${pPr}<w:r>${rPr}<w:br w:type="page"/></w:r></w:p>`);
    paragraphs.push(`<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6">${pPr}${run(`第${p + 1}部分`, p > 0 ? '<w:lastRenderedPageBreak/>' : '')}</w:p>`);
    for (let i = 0; i < 8; i++) {
      const pieces = sentence.match(/.{1,12}/g)!;
      const runs = pieces.map((piece, k) => run(k === 0 ? `${p + 1}.${i + 1} ${piece}` : piece)).join('<w:proofErr w:type="gramStart"/>');
      paragraphs.push(`<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6">${pPr}${runs}</w:p>`);
    }
  }
  return paragraphs.join('');
}

/** The docx page pass alone (read word/document.xml for breaks, place mammoth's paragraphs on pages), in this thread. */
function docxPagePass(bytes: Uint8Array, doc: ExtractedDocument, totalMs: number): void {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/styles.xml' });
  const xml = strFromU8(files['word/document.xml']!);
  const styles = files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : null;
  const blocks = doc.paragraphs.map((p) => ({ text: doc.text.slice(p.start, p.end), page: null, kind: p.kind }));
  const runs = 5;
  let pages = 0;
  const start = performance.now();
  for (let i = 0; i < runs; i++) pages = placeOnPages(blocks, readDocxBody(xml, pageBreakStyles(styles))).pageCount ?? 0;
  const ms = (performance.now() - start) / runs;
  console.log(`  docx page pass (${(xml.length / MB).toFixed(1)} MB document.xml → ${pages} pages): ${ms.toFixed(0)} ms, ${((ms / totalMs) * 100).toFixed(0)}% of the extraction`);
}

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
      if (file === docxPath) docxPagePass(docxBytes, doc, ms);
      if (file === wordPath) docxPagePass(wordBytes, doc, ms);
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
