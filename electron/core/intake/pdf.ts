import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import { IntakeFailure } from './failure.ts';
import { newTextBlock, pageParagraphs, type PlacedRun } from './layout.ts';
import { repairGbkMojibake } from './gbk-mojibake.ts';
import type { Block, FormatReading } from './blocks.ts';

const packageDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const cMapUrl = path.join(packageDir, 'cmaps') + path.sep;
const standardFontDataUrl = path.join(packageDir, 'standard_fonts') + path.sep;

function toRun(item: TextItem, pageTop: number): PlacedRun {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
  return { text: item.str, x: e, y: pageTop - f, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b) || 1 };
}

/** Reads the text layer page by page, releasing each page before the next. */
export async function readPdf(bytes: Uint8Array): Promise<FormatReading> {
  const task = getDocument({
    // pdf.js detaches the buffer it is given; a view into a shared buffer gets its own copy.
    data: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      const name = (error as { name?: string }).name;
      throw new IntakeFailure(name === 'PasswordException' ? 'encrypted' : 'corrupt');
    }
    const blocks: Block[] = [];
    let repairedPages = 0;
    const textBlock = newTextBlock();
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const top = page.view[3] ?? 0;
      let repaired = false;
      const runs: PlacedRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const run = toRun(item, top);
        const fixed = repairGbkMojibake(run.text);
        if (fixed !== null) {
          run.text = fixed;
          repaired = true;
        }
        runs.push(run);
      }
      if (repaired) repairedPages++;
      for (const text of pageParagraphs(runs, textBlock)) blocks.push({ text, page: number, kind: 'paragraph' });
      page.cleanup();
    }
    if (!blocks.some((b) => b.text.trim().length > 0)) throw new IntakeFailure('no-text-layer');
    return { blocks, pageCount: doc.numPages, warnings: repairedPages > 0 ? [m.mojibakeRepaired(repairedPages)] : [] };
  } finally {
    await task.destroy();
  }
}
